package io.quayside.agent.cgroups;

import io.quayside.agent.sweep.SampleCollector;
import io.quayside.agent.sweep.SampleCollector.StatFile;
import io.quayside.model.MetricFamily;

import java.util.OptionalLong;

/** What v1 and v2 memory samplers report alike once each has read its own files. */
public final class MemoryFigures {
    /** cAdvisor's bound above which a limit means "unlimited" (the kernel rounds its maximum down). */
    private static final long UNLIMITED_ABOVE = 1L << 62;

    private MemoryFigures() {
    }

    public static void fromStat(SampleCollector out, StatFile stat, String key, MetricFamily family) {
        stat.get(key).ifPresent(value -> out.add(family, value));
    }

    /** Usage less the inactive page cache (what the kernel would reclaim first), never below zero. */
    public static void workingSet(SampleCollector out, long usage, OptionalLong inactiveFile) {
        inactiveFile.ifPresent(inactive -> out.add(ContainerFamilies.MEMORY_WORKING_SET, Math.max(0, usage - inactive)));
    }

    /** cAdvisor reports {@code memory.stat}'s own counters for both scopes. */
    public static void failures(SampleCollector out, StatFile stat) {
        for (String type : new String[]{"pgfault", "pgmajfault"}) {
            stat.get(type).ifPresent(count -> {
                out.add(ContainerFamilies.MEMORY_FAILURES, count, "failure_type", type, "scope", "container");
                out.add(ContainerFamilies.MEMORY_FAILURES, count, "failure_type", type, "scope", "hierarchy");
            });
        }
    }

    /**
     * An unlimited container ({@link Long#MAX_VALUE} for v2's {@code max}) is reported as 0, cAdvisor's
     * meaning of "no limit", on v1 and v2 alike.
     */
    public static void limit(SampleCollector out, long bytes) {
        out.add(ContainerFamilies.SPEC_MEMORY_LIMIT, bytes > UNLIMITED_ABOVE ? 0 : bytes);
    }
}
