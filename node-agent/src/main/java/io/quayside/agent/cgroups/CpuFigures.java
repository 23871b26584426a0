package io.quayside.agent.cgroups;

import io.quayside.agent.sweep.SampleCollector;
import io.quayside.agent.sweep.SampleCollector.StatFile;

import java.util.OptionalLong;

/** What v1 and v2 CPU samplers report alike once each has read its own files. */
public final class CpuFigures {
    private CpuFigures() {
    }

    public static void usage(SampleCollector out, double seconds) {
        out.add(ContainerFamilies.CPU_USAGE, seconds, "cpu", "total");
    }

    /**
     * The CFS settings; the quota only when one is set (empty when unlimited), and the throttling
     * counters only then too, as cAdvisor does, since without a quota they never move.
     *
     * @param throttledKey       the {@code cpu.stat} key of the throttled time
     * @param throttledPerSecond its units per second
     */
    public static void limits(SampleCollector out, OptionalLong quotaMicros, OptionalLong periodMicros,
                              OptionalLong shares, StatFile cpuStat, String throttledKey, double throttledPerSecond) {
        periodMicros.ifPresent(period -> out.add(ContainerFamilies.SPEC_CPU_PERIOD, period));
        shares.ifPresent(value -> out.add(ContainerFamilies.SPEC_CPU_SHARES, value));
        if (quotaMicros.isEmpty()) {
            return;
        }
        out.add(ContainerFamilies.SPEC_CPU_QUOTA, quotaMicros.getAsLong());
        if (cpuStat != null) {
            cpuStat.get("nr_periods").ifPresent(periods -> out.add(ContainerFamilies.CPU_CFS_PERIODS, periods));
            cpuStat.get("nr_throttled").ifPresent(periods -> out.add(ContainerFamilies.CPU_CFS_THROTTLED_PERIODS, periods));
            cpuStat.get(throttledKey).ifPresent(time ->
                    out.add(ContainerFamilies.CPU_CFS_THROTTLED_SECONDS, time / throttledPerSecond));
        }
    }
}
