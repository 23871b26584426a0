package io.quayside.agent.cgroups;

import io.quayside.agent.cgroups.v1.BlkioV1Sampler;
import io.quayside.agent.cgroups.v1.CpuV1Sampler;
import io.quayside.agent.cgroups.v1.MemoryV1Sampler;
import io.quayside.agent.cgroups.v2.CpuV2Sampler;
import io.quayside.agent.cgroups.v2.IoV2Sampler;
import io.quayside.agent.cgroups.v2.MemoryV2Sampler;

import java.nio.file.Path;
import java.util.List;

/** The samplers that read every cAdvisor container family from the cgroups of a host's layout. */
public final class CgroupSamplers {
    private CgroupSamplers() {
    }

    public static List<CgroupSampler> forLayout(CgroupLayout layout) {
        return forLayout(layout, Path.of("/sys"));
    }

    /**
     * On a hybrid host the controllers sit on v1 hierarchies (the unified one holds none), so figures
     * come from v1, as cAdvisor takes them.
     *
     * @param sysRoot where sysfs is mounted, for block device names
     */
    public static List<CgroupSampler> forLayout(CgroupLayout layout, Path sysRoot) {
        BlockDeviceNames devices = new BlockDeviceNames(sysRoot);
        return switch (layout) {
            case V1, HYBRID -> List.of(new CpuV1Sampler(), new MemoryV1Sampler(), new BlkioV1Sampler(devices),
                    new ProcessesSampler("cpu", "pids"), new StartTimeSampler());
            case V2 -> List.of(new CpuV2Sampler(), new MemoryV2Sampler(), new IoV2Sampler(devices),
                    new ProcessesSampler(CgroupMounts.UNIFIED, CgroupMounts.UNIFIED), new StartTimeSampler());
        };
    }
}
