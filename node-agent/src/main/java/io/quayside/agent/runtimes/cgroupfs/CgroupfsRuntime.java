package io.quayside.agent.runtimes.cgroupfs;

import io.quayside.agent.cgroups.CgroupLayout;
import io.quayside.agent.cgroups.CgroupMounts;
import io.quayside.agent.runtimes.ContainerRuntime;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.runtimes.ProcessCgroups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finds containers by their cgroup directories alone, for hosts whose runtime the agent cannot ask.
 * It scans one hierarchy (the unified one on cgroup v2; {@code cpuacct}, else {@code memory}, on
 * v1), takes the id from the directory name and the init pid from {@code cgroup.procs}.
 */
public final class CgroupfsRuntime implements ContainerRuntime {
    /** The path of the matched directory, relative to its hierarchy. */
    public static final String CGROUP_LABEL = "io.quayside.cgroup";
    public static final List<String> DEFAULT_PATTERNS = List.of(
            "system.slice/docker-<hex64>.scope",
            "kubepods.slice/**/cri-containerd-<hex64>.scope",
            "kubepods/**/<hex64>");
    private static final Logger LOG = Logger.getLogger(CgroupfsRuntime.class.getName());

    private final CgroupMounts mounts;
    private final CgroupTreeScan scan;
    private final ProcessCgroups processes;

    public CgroupfsRuntime(CgroupMounts mounts, List<CgroupPattern> patterns, ProcessCgroups processes) {
        this.mounts = mounts;
        this.scan = new CgroupTreeScan(patterns);
        this.processes = processes;
    }

    @Override
    public String name() {
        return "cgroupfs";
    }

    @Override
    public List<HostContainer> containers() {
        String controller = scannedController();
        Optional<CgroupMounts.Mount> hierarchy = mounts.controller(controller);
        if (hierarchy.isEmpty()) {
            return List.of();
        }
        List<HostContainer> found = new ArrayList<>();
        for (CgroupTreeScan.Match match : scan.scan(hierarchy.get().mountPoint())) {
            int pid = firstPid(match.directory());
            if (pid <= 0) {
                continue; // an empty cgroup: the container has stopped and its directory is on its way out
            }
            Map<String, String> paths = processes.of(pid);
            found.add(new HostContainer(match.id(), match.id(), "", Map.of(CGROUP_LABEL, "/" + match.relativePath()), name(),
                    pid, paths.isEmpty() ? Map.of(controller, match.directory().toString()) : paths, created(match.directory())));
        }
        return found;
    }

    private String scannedController() {
        if (mounts.layout() == CgroupLayout.V2) {
            return CgroupMounts.UNIFIED;
        }
        return mounts.controller("cpuacct").isPresent() ? "cpuacct" : "memory";
    }

    private static int firstPid(Path directory) {
        try (var lines = Files.lines(directory.resolve("cgroup.procs"))) {
            return lines.findFirst().map(String::strip).map(Integer::parseInt).orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static Instant created(Path directory) {
        try {
            return Files.readAttributes(directory, BasicFileAttributes.class).creationTime().toInstant();
        } catch (IOException e) {
            LOG.fine(() -> "no creation time for " + directory + ": " + e.getMessage());
            return Instant.EPOCH;
        }
    }
}
