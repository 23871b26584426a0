package io.quayside.agent.runtimes.cgroupfs;

import io.quayside.agent.cgroups.CgroupMounts;
import io.quayside.agent.runtimes.ContainerRuntime;
import io.quayside.agent.runtimes.ContainerRuntimeContract;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.runtimes.ProcessCgroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.quayside.agent.runtimes.cgroupfs.CgroupPatternTest.ID;
import static org.assertj.core.api.Assertions.assertThat;

/** On temp-dir cgroup trees laid out as systemd and the kubelet lay them out. */
class CgroupfsRuntimeTest extends ContainerRuntimeContract {
    private static final String POD = "kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0b1d.slice/";
    private static final String OTHER = ID.replace('4', '5');

    @TempDir
    Path host;

    @Override
    protected ContainerRuntime runtime() throws IOException {
        return v1Host();
    }

    @Test
    void v1FindsDockerAndKubernetesScopesUnderCpuacctWithPathsFromProc() throws IOException {
        List<HostContainer> found = v1Host().containers();

        assertThat(found).extracting(HostContainer::id).containsExactlyInAnyOrder(ID, OTHER);
        HostContainer docker = found.stream().filter(c -> c.id().equals(ID)).findFirst().orElseThrow();
        assertThat(docker.initPid()).isEqualTo(4242);
        assertThat(docker.runtime()).isEqualTo("cgroupfs");
        assertThat(docker.labels()).containsEntry(CgroupfsRuntime.CGROUP_LABEL, "/system.slice/docker-" + ID + ".scope");
        assertThat(docker.cgroupPaths()).containsEntry("memory", host.resolve("memory/system.slice/docker-" + ID + ".scope").toString())
                .containsEntry("cpuacct", host.resolve("cpuacct/system.slice/docker-" + ID + ".scope").toString());
    }

    @Test
    void v2ScansTheUnifiedHierarchyAndFallsBackToTheDirectoryWithoutProc() throws IOException {
        mountinfo("30 1 0:26 / " + host.resolve("unified") + " rw - cgroup2 cgroup2 rw");
        container("unified/" + POD + "cri-containerd-" + ID + ".scope", "77");
        Files.createDirectories(host.resolve("unified/" + POD + "cri-containerd-" + OTHER + ".scope")); // no processes left

        assertThat(runtimeOver().containers()).singleElement().satisfies(container -> {
            assertThat(container.id()).isEqualTo(ID);
            assertThat(container.initPid()).isEqualTo(77);
            assertThat(container.cgroupPaths()).containsExactly(
                    Map.entry("", host.resolve("unified/" + POD + "cri-containerd-" + ID + ".scope").toString()));
        });
    }

    private CgroupfsRuntime v1Host() throws IOException {
        mountinfo("33 31 0:30 / " + host.resolve("cpuacct") + " rw - cgroup cgroup rw,cpuacct",
                "35 31 0:32 / " + host.resolve("memory") + " rw - cgroup cgroup rw,memory");
        String dockerScope = "/system.slice/docker-" + ID + ".scope";
        container("cpuacct" + dockerScope, "4242\n4250");
        container("cpuacct/" + POD + "cri-containerd-" + OTHER + ".scope", "4300");
        Files.createDirectories(host.resolve("cpuacct/system.slice/docker.service"));
        Files.createDirectories(host.resolve("proc/4242"));
        Files.writeString(host.resolve("proc/4242/cgroup"), "4:memory:" + dockerScope + "\n2:cpuacct:" + dockerScope + "\n");
        return runtimeOver();
    }

    private CgroupfsRuntime runtimeOver() {
        CgroupMounts mounts = CgroupMounts.read(host.resolve("mountinfo"));
        return new CgroupfsRuntime(mounts, CgroupfsRuntime.DEFAULT_PATTERNS.stream().map(CgroupPattern::compile).toList(),
                new ProcessCgroups(mounts, host.resolve("proc")));
    }

    private void mountinfo(String... lines) throws IOException {
        Files.write(host.resolve("mountinfo"), List.of(lines));
    }

    private void container(String relative, String procs) throws IOException {
        Path dir = Files.createDirectories(host.resolve(relative));
        Files.writeString(dir.resolve("cgroup.procs"), procs + "\n");
        Files.createDirectories(dir.resolve("init")); // a sub-cgroup, as systemd makes: must not count twice
    }
}
