package io.quayside.agent.cgroups;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CgroupMountsTest {
    private static final List<String> HYBRID = List.of(
            "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
            "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime shared:9 - cgroup cgroup rw,cpu,cpuacct",
            "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
            "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd",
            "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw,nsdelegate");

    @Test
    void hybridMountsResolveEveryControllerOfAProcess() {
        CgroupMounts mounts = CgroupMounts.parse(HYBRID);
        assertThat(mounts.layout()).isEqualTo(CgroupLayout.HYBRID);
        assertThat(mounts.pathsOf(List.of("4:memory:/docker/abc", "2:cpu,cpuacct:/docker/abc", "0::/system.slice/x.scope")))
                .containsEntry("memory", "/sys/fs/cgroup/memory/docker/abc")
                .containsEntry("cpuacct", "/sys/fs/cgroup/cpu,cpuacct/docker/abc")
                .containsEntry("cpu", "/sys/fs/cgroup/cpu,cpuacct/docker/abc")
                .containsEntry(CgroupMounts.UNIFIED, "/sys/fs/cgroup/unified/system.slice/x.scope");
    }

    @Test
    void pureV2AndNestedMountRoots() {
        CgroupMounts mounts = CgroupMounts.parse(List.of(
                "29 23 0:26 /kubepods.slice /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot"));
        assertThat(mounts.layout()).isEqualTo(CgroupLayout.V2);
        assertThat(mounts.pathsOf(List.of("0::/kubepods.slice/pod1/ctr")))
                .containsOnly(org.assertj.core.api.Assertions.entry(CgroupMounts.UNIFIED, "/sys/fs/cgroup/pod1/ctr"));
    }

    @Test
    void thisMachinesOwnMountsAndProcess() throws Exception {
        CgroupMounts mounts = CgroupMounts.read(Path.of("/proc/self/mountinfo"));
        var paths = mounts.pathsOf(Files.readAllLines(Path.of("/proc/self/cgroup")));
        assertThat(paths).isNotEmpty();
        assertThat(paths.values()).allSatisfy(path -> assertThat(Path.of(path)).isDirectory());
    }
}
