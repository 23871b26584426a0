package io.quayside.functions.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's Alertmanager ({@code apt-get install prometheus-alertmanager}) on a free port, its state in a directory of its own. */
public final class RealAlertmanager implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Starts it and waits until it is ready. */
    public RealAlertmanager(Path work) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(work.resolve("alertmanager.yml"), "route: {receiver: ops}\nreceivers: [{name: ops}]\n");
        Path log = work.resolve("alertmanager.log");
        process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config, "--storage.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        base = URI.create("http://127.0.0.1:" + port);
        for (int i = 0; i < 100; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("Alertmanager did not start: " + Files.readString(log));
    }

    public URI base() {
        return base;
    }

    /** The alerts it holds, through its own API ({@code GET /api/v2/alerts}). */
    public JsonNode alerts(ObjectMapper json) {
        try {
            return json.readTree(http.send(HttpRequest.newBuilder(base.resolve("/api/v2/alerts")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
