package io.quayside.agent.cgroups.v1;

import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.CgroupSettings;
import io.quayside.agent.cgroups.ContainerFamilies;
import io.quayside.agent.cgroups.CpuFigures;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.SampleCollector;

import java.util.OptionalLong;

/**
 * CPU time from {@code cpuacct} and CFS settings and throttling from {@code cpu}, the files runc's
 * fs driver reads for cAdvisor.
 */
public final class CpuV1Sampler implements CgroupSampler {
    private static final double NANOS_PER_SECOND = 1e9;
    /** {@code cpuacct.stat} counts in USER_HZ, which Linux fixes at 100 (runc hard-codes it too). */
    private static final double TICKS_PER_SECOND = 100;

    private final CgroupSettings settings;

    public CpuV1Sampler(CgroupSettings settings) {
        this.settings = settings;
    }

    @Override
    public void sample(HostContainer container, SampleCollector out) {
        String cpuacct = container.cgroupPaths().get("cpuacct");
        if (cpuacct != null) {
            out.readLong(cpuacct + "/cpuacct.usage").ifPresent(nanos -> CpuFigures.usage(out, nanos / NANOS_PER_SECOND));
            out.readStatFile(cpuacct + "/cpuacct.stat").ifPresent(stat -> {
                stat.get("user").ifPresent(ticks -> out.add(ContainerFamilies.CPU_USER, ticks / TICKS_PER_SECOND));
                stat.get("system").ifPresent(ticks -> out.add(ContainerFamilies.CPU_SYSTEM, ticks / TICKS_PER_SECOND));
            });
        }
        String cpu = container.cgroupPaths().get("cpu");
        if (cpu != null) {
            OptionalLong quota = settings.readLong(cpu + "/cpu.cfs_quota_us", out);
            // -1 means no quota; then cpu.stat's throttling figures are not wanted and not read
            OptionalLong limited = quota.isPresent() && quota.getAsLong() > 0 ? quota : OptionalLong.empty();
            CpuFigures.limits(out, limited, settings.readLong(cpu + "/cpu.cfs_period_us", out),
                    settings.readLong(cpu + "/cpu.shares", out),
                    limited.isPresent() ? out.readStatFile(cpu + "/cpu.stat").orElse(null) : null,
                    "throttled_time", NANOS_PER_SECOND);
        }
    }
}
