package io.quayside.agent.runtimes.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.runtimes.docker.DockerEventStream.ContainerChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The long-lived, chunked {@code /events} response of a fake Engine, replaying recorded events. */
class DockerEventStreamTest {
    private static final String CACHE = "5b0c3e1d7f9a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c";

    @TempDir
    Path dir;

    @Test
    void reportsContainerLifecycleActionsOnlyAndAsksForContainerEvents() throws Exception {
        BlockingQueue<ContainerChange> changes = new LinkedBlockingQueue<>();
        try (FakeDockerEngine engine = new FakeDockerEngine(dir.resolve("docker.sock"));
             DockerEventStream stream = new DockerEventStream(engine.socket, new ObjectMapper(), Duration.ofMillis(50))) {
            engine.route(DockerEventStream.EVENTS_TARGET, engine.eventStream("events.jsonl"));
            stream.start(changes::add);

            assertThat(take(changes, 4)).containsExactly(new ContainerChange("create", CACHE),
                    new ContainerChange("start", CACHE), new ContainerChange("die", CACHE), new ContainerChange("destroy", CACHE));
            FakeDockerEngine.Request request = engine.requests.get(0);
            assertThat(request.target()).startsWith("/events?filters=");
            assertThat(URLDecoder.decode(request.target().substring("/events?filters=".length()), StandardCharsets.UTF_8))
                    .isEqualTo("{\"type\":[\"container\"]}");
            assertThat(request.headers()).containsEntry("host", "docker");
        }
    }

    @Test
    void reconnectsWhenTheEngineComesBack() throws Exception {
        BlockingQueue<ContainerChange> changes = new LinkedBlockingQueue<>();
        Path socket = dir.resolve("docker.sock");
        try (DockerEventStream stream = new DockerEventStream(socket, new ObjectMapper(), Duration.ofMillis(50))) {
            stream.start(changes::add);
            Thread.sleep(150); // a few failed connections to a socket that does not exist yet
            try (FakeDockerEngine engine = new FakeDockerEngine(socket)) {
                engine.route(DockerEventStream.EVENTS_TARGET, engine.eventStream("events.jsonl"));

                assertThat(take(changes, 4)).extracting(ContainerChange::action).containsExactly("create", "start", "die", "destroy");
            }
        }
    }

    private static List<ContainerChange> take(BlockingQueue<ContainerChange> changes, int count) throws InterruptedException {
        List<ContainerChange> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ContainerChange change = changes.poll(2, TimeUnit.SECONDS);
            assertThat(change).as("change %d of %d", i + 1, count).isNotNull();
            taken.add(change);
        }
        return taken;
    }
}
