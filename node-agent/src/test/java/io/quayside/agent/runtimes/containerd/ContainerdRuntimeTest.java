package io.quayside.agent.runtimes.containerd;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.cgroups.CgroupMounts;
import io.quayside.agent.runtimes.ContainerRuntime;
import io.quayside.agent.runtimes.ContainerRuntimeContract;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.runtimes.ProcessCgroups;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Over a recorded containerd tree (see resources/runtimes/containerd/README.md for where its shapes come from). */
class ContainerdRuntimeTest extends ContainerRuntimeContract {
    private static final Path TREE = resource("runtimes/containerd");
    private static final String APP = "7d9f3e2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6";
    private static final String SANDBOX = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @Override
    protected ContainerRuntime runtime() {
        return new ContainerdRuntime(TREE.resolve("run/containerd/runc"),
                TREE.resolve("run/containerd/io.containerd.runtime.v2.task"), new ObjectMapper(),
                new ProcessCgroups(CgroupMounts.read(TREE.resolve("mountinfo")), TREE.resolve("proc")));
    }

    private Map<String, HostContainer> byId() {
        return runtime().containers().stream().collect(Collectors.toMap(HostContainer::id, Function.identity()));
    }

    @Test
    void namesKubernetesContainersFromCriAnnotations() {
        HostContainer app = byId().get(APP);

        assertThat(app.name()).isEqualTo("redis");
        assertThat(app.image()).isEqualTo("docker.io/library/redis:7.2");
        assertThat(app.initPid()).isEqualTo(4711);
        assertThat(app.createdAt()).isEqualTo(Instant.parse("2026-11-20T09:14:03.118822421Z"));
        assertThat(app.labels()).containsEntry("io.containerd.namespace", "k8s.io")
                .containsEntry("io.kubernetes.pod.name", "redis-7c9d8b6f5-x2x9k")
                .containsEntry("io.kubernetes.pod.namespace", "shop")
                .doesNotContainKey("bundle");
        assertThat(app.cgroupPaths()).containsEntry("memory", "/sys/fs/cgroup/memory/kubepods.slice/kubepods-besteffort.slice/"
                + "kubepods-besteffort-pod3c1b3f0e_8d7a_4e8e_9a51_2b7f0c9d1e42.slice/cri-containerd-" + APP + ".scope");
    }

    @Test
    void namesSandboxAfterItsPod() {
        assertThat(byId().get(SANDBOX).name()).isEqualTo("redis-7c9d8b6f5-x2x9k");
    }

    @Test
    void plainContainerdContainerFallsBackToIdAndProcCgroups() {
        HostContainer plain = byId().get("redis-ctr");

        assertThat(plain.name()).isEqualTo("redis-ctr");
        assertThat(plain.image()).isEmpty();
        assertThat(plain.labels()).containsExactly(Map.entry("io.containerd.namespace", "default"));
        assertThat(plain.cgroupPaths()).containsOnly(
                Map.entry("memory", "/sys/fs/cgroup/memory/default/redis-ctr"),
                Map.entry("cpu", "/sys/fs/cgroup/cpu,cpuacct/default/redis-ctr"),
                Map.entry("cpuacct", "/sys/fs/cgroup/cpu,cpuacct/default/redis-ctr"),
                Map.entry("pids", "/sys/fs/cgroup/pids/default/redis-ctr"),
                Map.entry("", "/sys/fs/cgroup/unified/default/redis-ctr"));
    }

    @Test
    void missingStateDirectoryMeansNoContainers() {
        assertThat(new ContainerdRuntime(TREE.resolve("absent"), TREE, new ObjectMapper(), null).containers()).isEmpty();
    }
}
