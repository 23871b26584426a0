package io.quayside.agent.cgroups.v1;

import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.ContainerFamilies;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.SampleCollector;

/** CPU and memory from the cgroup v1 hierarchies ({@code cpuacct}, {@code memory}). */
public final class CgroupV1Sampler implements CgroupSampler {
    private static final double NANOS_PER_SECOND = 1e9;

    @Override
    public void sample(HostContainer container, SampleCollector out) {
        String cpuacct = container.cgroupPaths().get("cpuacct");
        if (cpuacct != null) {
            out.readLong(cpuacct + "/cpuacct.usage")
                    .ifPresent(nanos -> out.add(ContainerFamilies.CPU_USAGE, nanos / NANOS_PER_SECOND));
        }
        String memory = container.cgroupPaths().get("memory");
        if (memory != null) {
            out.readLong(memory + "/memory.usage_in_bytes")
                    .ifPresent(bytes -> out.add(ContainerFamilies.MEMORY_USAGE, bytes));
        }
    }
}
