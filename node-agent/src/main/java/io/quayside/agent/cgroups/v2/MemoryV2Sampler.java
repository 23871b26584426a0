package io.quayside.agent.cgroups.v2;

import io.quayside.agent.cgroups.CgroupMounts;
import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.CgroupSettings;
import io.quayside.agent.cgroups.ContainerFamilies;
import io.quayside.agent.cgroups.MemoryFigures;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.SampleCollector;

import java.util.OptionalLong;

/**
 * Memory from the unified hierarchy, mapped onto the v1 figures as runc's fs2 driver and cAdvisor do:
 * rss is {@code anon}, cache is {@code file}, swap is {@code memory.swap.current}. v2 has no fail
 * count, so {@code container_memory_failcnt} is left out rather than sent as 0.
 */
public final class MemoryV2Sampler implements CgroupSampler {
    private final CgroupSettings settings;

    public MemoryV2Sampler(CgroupSettings settings) {
        this.settings = settings;
    }

    @Override
    public void sample(HostContainer container, SampleCollector out) {
        String dir = container.cgroupPaths().get(CgroupMounts.UNIFIED);
        if (dir == null) {
            return;
        }
        OptionalLong usage = out.readLong(dir + "/memory.current");
        usage.ifPresent(bytes -> out.add(ContainerFamilies.MEMORY_USAGE, bytes));
        // memory.peak since Linux 5.19; memory.swap.* only with swap accounting
        out.readLongIfPresent(dir + "/memory.peak").ifPresent(bytes -> out.add(ContainerFamilies.MEMORY_MAX_USAGE, bytes));
        out.readLongIfPresent(dir + "/memory.swap.current").ifPresent(bytes -> out.add(ContainerFamilies.MEMORY_SWAP, bytes));
        settings.readString(dir + "/memory.max", out).ifPresent(max -> {
            try {
                MemoryFigures.limit(out, max.equals("max") ? Long.MAX_VALUE : Long.parseLong(max));
            } catch (NumberFormatException e) {
                out.countReadError("unparsable");
            }
        });
        out.readStatFile(dir + "/memory.stat").ifPresent(stat -> {
            MemoryFigures.fromStat(out, stat, "anon", ContainerFamilies.MEMORY_RSS);
            MemoryFigures.fromStat(out, stat, "file", ContainerFamilies.MEMORY_CACHE);
            MemoryFigures.fromStat(out, stat, "file_mapped", ContainerFamilies.MEMORY_MAPPED_FILE);
            MemoryFigures.failures(out, stat);
            if (usage.isPresent()) {
                MemoryFigures.workingSet(out, usage.getAsLong(), stat.get("inactive_file"));
            }
        });
    }
}
