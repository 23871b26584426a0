package io.quayside.agent.runtimes.docker;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A Docker Engine stand-in on a unix socket: answers GETs with recorded bodies from
 * {@code resources/docker/} and keeps every request it was sent, so tests can check both sides.
 */
final class FakeDockerEngine implements AutoCloseable {
    /** What the client sent: the request target and its headers (lower-case names). */
    record Request(String target, Map<String, String> headers) {
    }

    /** How one route answers. */
    interface Reply {
        void write(OutputStream out) throws IOException;
    }

    final Path socket;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> routes = new ConcurrentHashMap<>();
    private final ServerSocketChannel server;
    private final CountDownLatch closing = new CountDownLatch(1);

    FakeDockerEngine(Path socket) throws IOException {
        this.socket = socket;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(this::accept, "fake-docker-engine");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    FakeDockerEngine route(String target, Reply reply) {
        routes.put(target, reply);
        return this;
    }

    /** The recorded body with a {@code Content-Length}. */
    static Reply body(String resource) {
        byte[] body = recorded(resource);
        return out -> out.write(concat(head("Content-Length: " + body.length), body));
    }

    /** The recorded body in 64-byte chunks, as the Engine sends large lists. */
    static Reply chunked(String resource) {
        byte[] body = recorded(resource);
        return out -> {
            out.write(head("Transfer-Encoding: chunked"));
            for (int start = 0; start < body.length; start += 64) {
                chunk(out, Arrays.copyOfRange(body, start, Math.min(body.length, start + 64)));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    /** One chunk per recorded line, then the connection stays open like the Engine's {@code /events}. */
    Reply eventStream(String resource) {
        return out -> {
            out.write(head("Transfer-Encoding: chunked"));
            out.flush();
            for (String line : new String(recorded(resource), StandardCharsets.UTF_8).split("\n")) {
                chunk(out, (line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                Thread handler = new Thread(() -> answer(connection), "fake-docker-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(SocketChannel connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(connection));
            String[] requestLine = SocketHttpResponse.readLine(in).split(" ");
            Map<String, String> headers = new ConcurrentHashMap<>();
            for (String line = SocketHttpResponse.readLine(in); !line.isEmpty(); line = SocketHttpResponse.readLine(in)) {
                headers.put(line.substring(0, line.indexOf(':')).toLowerCase(), line.substring(line.indexOf(':') + 1).strip());
            }
            requests.add(new Request(requestLine[1], headers));
            OutputStream out = Channels.newOutputStream(connection);
            Reply reply = routes.get(requestLine[1]);
            if (reply == null) {
                byte[] body = "{\"message\":\"page not found\"}".getBytes(StandardCharsets.UTF_8);
                out.write(concat(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body));
            } else {
                reply.write(out);
            }
            out.flush();
        } catch (IOException e) {
            // the client hung up
        }
    }

    private static byte[] head(String framing) {
        return ("HTTP/1.1 200 OK\r\nApi-Version: 1.43\r\nContent-Type: application/json\r\nServer: Docker/24.0.7 (linux)\r\n"
                + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write(concat(concat((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII), data),
                "\r\n".getBytes(StandardCharsets.US_ASCII)));
        out.flush();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] recorded(String resource) {
        try (InputStream in = FakeDockerEngine.class.getResourceAsStream("/docker/" + resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        server.close();
    }
}
