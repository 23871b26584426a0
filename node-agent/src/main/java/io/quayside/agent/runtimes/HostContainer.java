package io.quayside.agent.runtimes;

import java.time.Instant;
import java.util.Map;

/**
 * A container found on this host, with what the samplers need to measure it.
 *
 * @param cgroupPaths absolute cgroup directory per controller ({@code cpuacct}, {@code memory}, ...)
 * @param initPid     the container's first process, whose namespaces are the container's
 * @param createdAt   when the runtime created it
 */
public record HostContainer(String id, String name, String image, Map<String, String> labels, String runtime,
                            int initPid, Map<String, String> cgroupPaths, Instant createdAt) {
    public HostContainer {
        labels = Map.copyOf(labels);
        cgroupPaths = Map.copyOf(cgroupPaths);
    }
}
