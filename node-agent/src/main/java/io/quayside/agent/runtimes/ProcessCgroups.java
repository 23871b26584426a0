package io.quayside.agent.runtimes;

import io.quayside.agent.cgroups.CgroupMounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A process's cgroup directories, for runtimes that know a container's pid but do not list its cgroups. */
public final class ProcessCgroups {
    private final CgroupMounts mounts;
    private final Path procRoot;

    /** @param procRoot {@code /proc}, or a recorded copy of the parts read here */
    public ProcessCgroups(CgroupMounts mounts, Path procRoot) {
        this.mounts = mounts;
        this.procRoot = procRoot;
    }

    /** This host's, as the agent sees it. */
    public static ProcessCgroups ofHost() {
        return new ProcessCgroups(CgroupMounts.read(Path.of("/proc/self/mountinfo")), Path.of("/proc"));
    }

    /** Directory per controller, as in runc's {@code cgroup_paths}; empty when the process is gone. */
    public Map<String, String> of(int pid) {
        if (pid <= 0) {
            return Map.of();
        }
        try {
            return mounts.pathsOf(Files.readAllLines(procRoot.resolve(Integer.toString(pid)).resolve("cgroup")));
        } catch (IOException e) {
            return Map.of();
        }
    }
}
