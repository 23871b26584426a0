package io.quayside.agent.cgroups.v1;

import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.CgroupSettings;
import io.quayside.agent.cgroups.ContainerFamilies;
import io.quayside.agent.cgroups.MemoryFigures;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.SampleCollector;

import java.util.OptionalLong;

/** Memory from the v1 {@code memory} controller, with cAdvisor's choice of {@code memory.stat} keys. */
public final class MemoryV1Sampler implements CgroupSampler {
    private final CgroupSettings settings;

    public MemoryV1Sampler(CgroupSettings settings) {
        this.settings = settings;
    }

    @Override
    public void sample(HostContainer container, SampleCollector out) {
        String memory = container.cgroupPaths().get("memory");
        if (memory == null) {
            return;
        }
        OptionalLong usage = out.readLong(memory + "/memory.usage_in_bytes");
        usage.ifPresent(bytes -> out.add(ContainerFamilies.MEMORY_USAGE, bytes));
        out.readLong(memory + "/memory.max_usage_in_bytes").ifPresent(bytes -> out.add(ContainerFamilies.MEMORY_MAX_USAGE, bytes));
        out.readLong(memory + "/memory.failcnt").ifPresent(count -> out.add(ContainerFamilies.MEMORY_FAILCNT, count));
        settings.readLong(memory + "/memory.limit_in_bytes", out).ifPresent(bytes -> MemoryFigures.limit(out, bytes));
        // cAdvisor takes the total_ keys when memory.use_hierarchy is 1, which runc sets and kernels since
        // 5.16 force; not reading the knob saves a file per container per sweep
        out.readStatFile(memory + "/memory.stat").ifPresent(stat -> {
            MemoryFigures.fromStat(out, stat, "total_rss", ContainerFamilies.MEMORY_RSS);
            MemoryFigures.fromStat(out, stat, "total_cache", ContainerFamilies.MEMORY_CACHE);
            MemoryFigures.fromStat(out, stat, "total_swap", ContainerFamilies.MEMORY_SWAP);
            MemoryFigures.fromStat(out, stat, "total_mapped_file", ContainerFamilies.MEMORY_MAPPED_FILE);
            MemoryFigures.failures(out, stat);
            if (usage.isPresent()) {
                MemoryFigures.workingSet(out, usage.getAsLong(), stat.get("total_inactive_file"));
            }
        });
    }
}
