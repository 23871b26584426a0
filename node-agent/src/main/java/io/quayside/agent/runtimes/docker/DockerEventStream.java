package io.quayside.agent.runtimes.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Follows the Engine's {@code GET /events} stream (one JSON object per line, for as long as the
 * connection lasts) and reports containers being created, started, dying and destroyed. When the
 * Engine goes away it reconnects after a delay; the periodic sweep covers what was missed meanwhile.
 */
public final class DockerEventStream implements AutoCloseable {
    static final String EVENTS_TARGET = "/events?filters="
            + URLEncoder.encode("{\"type\":[\"container\"]}", StandardCharsets.UTF_8);
    private static final Set<String> LIFECYCLE_ACTIONS = Set.of("create", "start", "die", "destroy");
    private static final Logger LOG = Logger.getLogger(DockerEventStream.class.getName());

    /** @param action {@code create}, {@code start}, {@code die} or {@code destroy} */
    public record ContainerChange(String action, String containerId) {
    }

    private final UnixSocketHttp engine;
    private final ObjectMapper json;
    private final Duration reconnectDelay;
    private final Object lock = new Object();
    private volatile boolean closed;
    private SocketHttpResponse current;
    private Thread follower;
    private boolean failing;

    public DockerEventStream(Path socket, ObjectMapper json, Duration reconnectDelay) {
        this.engine = new UnixSocketHttp(socket);
        this.json = json;
        this.reconnectDelay = reconnectDelay;
    }

    /** Follows the stream on a daemon thread until {@link #close()}. */
    public void start(Consumer<ContainerChange> listener) {
        follower = new Thread(() -> follow(listener), "quayside-docker-events");
        follower.setDaemon(true);
        follower.start();
    }

    private void follow(Consumer<ContainerChange> listener) {
        while (!closed) {
            try (SocketHttpResponse response = engine.get(EVENTS_TARGET)) {
                synchronized (lock) {
                    current = response;
                    if (closed) {
                        return;
                    }
                }
                response.requireSuccess();
                failing = false;
                BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null && !closed; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        changeIn(json.readTree(line)).ifPresent(listener);
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (!closed && !failing) {
                    // Once per outage: a host without Docker would otherwise log this every few seconds.
                    LOG.warning("Docker event stream broke, retrying every " + reconnectDelay + ": " + e.getMessage());
                }
                failing = true;
            }
            pause();
        }
    }

    private static Optional<ContainerChange> changeIn(JsonNode event) {
        String action = event.path("Action").asText();
        if (!"container".equals(event.path("Type").asText()) || !LIFECYCLE_ACTIONS.contains(action)) {
            return Optional.empty();
        }
        return Optional.of(new ContainerChange(action, event.path("Actor").path("ID").asText()));
    }

    private void pause() {
        try {
            Thread.sleep(reconnectDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        if (follower != null) {
            follower.interrupt();
        }
        synchronized (lock) {
            if (current != null) {
                current.close(); // unblocks the follower's read
            }
        }
    }
}
