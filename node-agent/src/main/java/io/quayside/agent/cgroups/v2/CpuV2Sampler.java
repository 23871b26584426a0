package io.quayside.agent.cgroups.v2;

import io.quayside.agent.cgroups.CgroupMounts;
import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.CgroupSettings;
import io.quayside.agent.cgroups.ContainerFamilies;
import io.quayside.agent.cgroups.CpuFigures;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.SampleCollector;

import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.StringTokenizer;

/**
 * CPU time, CFS settings and throttling from the unified hierarchy's {@code cpu.stat}, {@code cpu.max}
 * and {@code cpu.weight}, turned into the v1 figures cAdvisor reports.
 */
public final class CpuV2Sampler implements CgroupSampler {
    private static final double MICROS_PER_SECOND = 1e6;

    private final CgroupSettings settings;

    public CpuV2Sampler(CgroupSettings settings) {
        this.settings = settings;
    }

    @Override
    public void sample(HostContainer container, SampleCollector out) {
        String dir = container.cgroupPaths().get(CgroupMounts.UNIFIED);
        if (dir == null) {
            return;
        }
        SampleCollector.StatFile stat = out.readStatFile(dir + "/cpu.stat").orElse(null);
        if (stat != null) {
            stat.get("usage_usec").ifPresent(micros -> CpuFigures.usage(out, micros / MICROS_PER_SECOND));
            stat.get("user_usec").ifPresent(micros -> out.add(ContainerFamilies.CPU_USER, micros / MICROS_PER_SECOND));
            stat.get("system_usec").ifPresent(micros -> out.add(ContainerFamilies.CPU_SYSTEM, micros / MICROS_PER_SECOND));
        }
        OptionalLong quota = OptionalLong.empty();
        OptionalLong period = OptionalLong.empty();
        // "$MAX $PERIOD", where $MAX is "max" when there is no quota
        String max = settings.readString(dir + "/cpu.max", out).orElse(null);
        if (max != null) {
            StringTokenizer fields = new StringTokenizer(max);
            try {
                String quotaField = fields.nextToken();
                long periodMicros = Long.parseLong(fields.nextToken());
                quota = quotaField.equals("max") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(quotaField));
                period = OptionalLong.of(periodMicros);
            } catch (NoSuchElementException | NumberFormatException e) {
                out.countReadError("unparsable");
            }
        }
        OptionalLong shares = settings.readLong(dir + "/cpu.weight", out).stream().map(CpuV2Sampler::sharesOfWeight).findFirst();
        CpuFigures.limits(out, quota, period, shares, stat, "throttled_usec", MICROS_PER_SECOND);
    }

    /** runc maps shares [2, 262144] onto weight [1, 10000]; cAdvisor maps back with the inverse. */
    static long sharesOfWeight(long weight) {
        return 2 + ((weight - 1) * 262142) / 9999;
    }
}
