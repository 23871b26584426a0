package io.quayside.agent.cgroups;

import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.SampleCollector;

/** Reads some of a container's figures from its cgroups. */
public interface CgroupSampler {
    /**
     * Adds what it can read; a figure that cannot be read is reported to the collector as an error
     * and left out, never written as zero.
     */
    void sample(HostContainer container, SampleCollector out);
}
