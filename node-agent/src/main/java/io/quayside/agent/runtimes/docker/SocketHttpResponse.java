package io.quayside.agent.runtimes.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** An HTTP/1.1 response read from a socket: its status and its body, de-chunked. */
record SocketHttpResponse(int status, InputStream body, Closeable connection, String target)
        implements Closeable {

    static SocketHttpResponse read(InputStream in, Closeable connection, String target) throws IOException {
        String statusLine = readLine(in); // HTTP/1.1 200 OK
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response to " + target + ": " + statusLine);
        }
        Map<String, String> headers = new HashMap<>(); // names in lower case
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        InputStream body;
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            body = new ChunkedInputStream(in);
        } else if (headers.containsKey("content-length")) {
            body = new ByteArrayInputStream(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body = in; // HTTP/1.0 style: the body ends when the server closes
        }
        return new SocketHttpResponse(Integer.parseInt(parts[1]), body, connection, target);
    }

    /** One CRLF-terminated line of the head or of the chunk framing, without its terminator. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed in the middle of a line");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** The whole body as JSON, or an error naming the request when the Engine refused it. */
    JsonNode json(ObjectMapper json) throws IOException {
        requireSuccess();
        return json.readTree(body);
    }

    void requireSuccess() throws IOException {
        if (status / 100 != 2) {
            String message = new String(body.readNBytes(1000), StandardCharsets.UTF_8).strip();
            throw new IOException("Docker Engine answered " + status + " to GET " + target + ": " + message);
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
