package io.quayside.agent.runtimes.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.cgroups.CgroupMounts;
import io.quayside.agent.runtimes.ContainerRuntime;
import io.quayside.agent.runtimes.ContainerRuntimeContract;
import io.quayside.agent.runtimes.ProcessCgroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a fake Engine answering with recorded API v1.43 bodies (resources/docker/README.md). */
class DockerRuntimeTest extends ContainerRuntimeContract {
    private static final String WEB = "8dfafdbc3a40b5f1d1e5b0e3cb7c2d3e6bc1b4ed5b4a8b5ec4f2f3c5a6e7d8f9";
    private static final String BATCH = "3c1f5e7a9b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a";

    @TempDir
    Path dir;
    private FakeDockerEngine engine;

    @AfterEach
    void stopEngine() throws IOException {
        engine.close();
    }

    @Override
    protected ContainerRuntime runtime() throws IOException {
        engine = new FakeDockerEngine(dir.resolve("docker.sock"))
                .route("/containers/json", FakeDockerEngine.chunked("containers-json.json"))
                .route("/containers/" + WEB + "/json", FakeDockerEngine.body("container-web-inspect.json"))
                .route("/containers/" + BATCH + "/json", FakeDockerEngine.body("container-batch-inspect.json"));
        Files.writeString(dir.resolve("mountinfo"), "35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n");
        Files.createDirectories(dir.resolve("proc/31337"));
        Files.writeString(dir.resolve("proc/31337/cgroup"), "4:memory:/system.slice/docker-" + WEB + ".scope\n");
        return new DockerRuntime(engine.socket, new ObjectMapper(),
                new ProcessCgroups(CgroupMounts.read(dir.resolve("mountinfo")), dir.resolve("proc")));
    }

    @Test
    void listsThenInspectsAndSkipsWhatStoppedMeanwhile() throws IOException {
        ContainerRuntime docker = runtime();

        assertThat(docker.containers()).singleElement().satisfies(web -> {
            assertThat(web.id()).isEqualTo(WEB);
            assertThat(web.name()).isEqualTo("web");
            assertThat(web.image()).isEqualTo("nginx:1.25");
            assertThat(web.labels()).containsEntry("io.quayside.tenant", "acme").containsEntry("com.example.team", "shop");
            assertThat(web.initPid()).isEqualTo(31337);
            assertThat(web.createdAt()).isEqualTo(Instant.parse("2023-11-21T08:40:00.123456789Z"));
            assertThat(web.cgroupPaths()).containsExactly(
                    Map.entry("memory", "/sys/fs/cgroup/memory/system.slice/docker-" + WEB + ".scope"));
        });
        assertThat(engine.requests).extracting(FakeDockerEngine.Request::target)
                .containsExactly("/containers/json", "/containers/" + WEB + "/json", "/containers/" + BATCH + "/json");
        assertThat(engine.requests).allSatisfy(request -> assertThat(request.headers()).containsEntry("host", "docker"));
    }

    @Test
    void engineErrorsAndAnAbsentEngineMeanNoContainersNotAFailure() throws IOException {
        engine = new FakeDockerEngine(dir.resolve("empty.sock")); // answers 404 to everything

        assertThat(new DockerRuntime(engine.socket, new ObjectMapper(), null).containers()).isEmpty();
        assertThat(new DockerRuntime(dir.resolve("absent.sock"), new ObjectMapper(), null).containers()).isEmpty();
        assertThat(engine.requests).extracting(FakeDockerEngine.Request::target).containsExactly("/containers/json");
    }
}
