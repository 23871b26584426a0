package io.quayside.agent.runtimes.runc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.runtimes.HostContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** State directories that are not a running container's must not break discovery. */
class RuncRuntimeTest {
    @TempDir
    Path root;

    @Test
    void skipsUnreadableAndHalfWrittenStateAndKeepsTheRest() throws Exception {
        Files.createDirectories(root.resolve("being-created")); // no state.json yet
        Files.createDirectories(root.resolve("broken"));
        Files.writeString(root.resolve("broken/state.json"), "{\"id\": ");
        Files.createDirectories(root.resolve("good"));
        Files.writeString(root.resolve("good/state.json"), """
                {"id":"good","init_process_pid":42,"created":"2026-11-21T06:33:42.48801082Z",
                 "config":{"labels":["bundle=/b","io.quayside.name=web","org.opencontainers.image.ref.name=busybox:1"]},
                 "cgroup_paths":{"cpuacct":"/sys/fs/cgroup/cpuacct/good","memory":"/sys/fs/cgroup/memory/good"}}""");

        assertThat(new RuncRuntime(root, new ObjectMapper()).containers()).singleElement().satisfies(container -> {
            assertThat(container.id()).isEqualTo("good");
            assertThat(container.name()).isEqualTo("web");
            assertThat(container.image()).isEqualTo("busybox:1");
            assertThat(container.initPid()).isEqualTo(42);
            assertThat(container.cgroupPaths()).containsEntry("memory", "/sys/fs/cgroup/memory/good");
            assertThat(container.labels()).containsOnlyKeys("io.quayside.name", "org.opencontainers.image.ref.name");
        });
    }

    @Test
    void missingStateDirectoryMeansNoContainers() {
        assertThat(new RuncRuntime(root.resolve("absent"), new ObjectMapper()).containers()).isEmpty();
    }
}
