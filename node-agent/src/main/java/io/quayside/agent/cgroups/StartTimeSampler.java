package io.quayside.agent.cgroups;

import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.SampleCollector;

/** When the runtime created the container, in whole seconds as cAdvisor reports it. */
public final class StartTimeSampler implements CgroupSampler {
    @Override
    public void sample(HostContainer container, SampleCollector out) {
        out.add(ContainerFamilies.START_TIME, container.createdAt().getEpochSecond());
    }
}
