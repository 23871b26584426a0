package io.quayside.agent.hook;

import io.quayside.model.ContainerEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hook in-process, against a recording endpoint and a closed port. */
class HookCommandTest {
    /** What runc 1.1 writes on a poststart hook's stdin. */
    static final String STATE = """
            {"ociVersion":"1.0.2-dev","id":"qs-web","status":"running","pid":4242,"bundle":"/srv/bundles/web",
             "annotations":{"io.quayside.name":"web","org.opencontainers.image.ref.name":"busybox:1.36","io.quayside.tenant":"acme"}}""";

    @TempDir
    Path spoolDir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void postsTheEventWithTheTenantsToken() throws Exception {
        try (EventRecorder endpoint = new EventRecorder()) {
            int status = hook(endpoint.endpoint().toString(), "started", STATE);

            assertThat(status).isZero();
            EventRecorder.Received request = endpoint.next();
            assertThat(request.path()).isEqualTo("/v1/events");
            assertThat(request.authorization()).isEqualTo("Bearer s3cret");
            ContainerEvent event = EventJson.read(request.content());
            assertThat(event.tenant()).isEqualTo("acme");
            assertThat(event.node()).isEqualTo("node-7");
            assertThat(event.containerId()).isEqualTo("qs-web");
            assertThat(event.name()).isEqualTo("web");
            assertThat(event.image()).isEqualTo("busybox:1.36");
            assertThat(event.runtime()).isEqualTo("runc");
            assertThat(event.kind()).isEqualTo(ContainerEvent.Kind.STARTED);
            assertThat(request.body().get("time").asText()).isEqualTo("2026-11-21T06:30:00.250Z");
            assertThat(new EventSpool(spoolDir, Clock.systemUTC()).oldest(10)).isEmpty();
        }
    }

    @Test
    void spoolsAndSucceedsQuicklyWhenTheEndpointIsDown() throws Exception {
        Instant before = Instant.now();
        int status = hook("http://127.0.0.1:" + closedPort(), "destroyed", STATE.replace(",\"io.quayside.tenant\":\"acme\"", ""));

        assertThat(status).isZero();
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(2));
        assertThat(new EventSpool(spoolDir, Clock.systemUTC()).oldest(10)).singleElement()
                .satisfies(spooled -> {
                    assertThat(spooled.event().kind()).isEqualTo(ContainerEvent.Kind.DESTROYED);
                    assertThat(spooled.event().tenant()).as("QUAYSIDE_TENANT without the annotation").isEqualTo("blue");
                });
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("spooled DESTROYED event of qs-web");
    }

    @Test
    void refusesAnUnknownPhaseAndUnreadableState() throws Exception {
        assertThat(hook("http://127.0.0.1:9", "paused", STATE)).isEqualTo(HookCommand.USAGE);
        assertThat(hook("http://127.0.0.1:9", "started", "{\"id\": ")).isEqualTo(HookCommand.FAILED);
        assertThat(new EventSpool(spoolDir, Clock.systemUTC()).oldest(10)).isEmpty();
    }

    private int hook(String endpoint, String phase, String state) {
        HookSettings settings = HookSettings.from(Map.of("QUAYSIDE_ENDPOINT", endpoint, "QUAYSIDE_TOKEN", "s3cret",
                "QUAYSIDE_NODE", "node-7", "QUAYSIDE_TENANT", "blue", "QUAYSIDE_SPOOL_DIR", spoolDir.toString()));
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T06:30:00.250Z"), ZoneOffset.UTC);
        return HookCommand.wired(settings, clock, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[]{phase}, new ByteArrayInputStream(state.getBytes(StandardCharsets.UTF_8)));
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
