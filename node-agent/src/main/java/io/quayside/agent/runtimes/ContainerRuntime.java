package io.quayside.agent.runtimes;

import java.util.List;

/** A source of the containers running on this host (runc, containerd, Docker, plain cgroupfs). */
public interface ContainerRuntime {
    /** Short name, reported as the container's runtime. */
    String name();

    /** The containers that exist now; one that cannot be read is left out and logged, never fatal. */
    List<HostContainer> containers();
}
