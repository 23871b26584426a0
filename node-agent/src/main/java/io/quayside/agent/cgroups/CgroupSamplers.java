package io.quayside.agent.cgroups;

import io.quayside.agent.cgroups.v1.BlkioV1Sampler;
import io.quayside.agent.cgroups.v1.CpuV1Sampler;
import io.quayside.agent.cgroups.v1.MemoryV1Sampler;
import io.quayside.agent.cgroups.v2.CpuV2Sampler;
import io.quayside.agent.cgroups.v2.IoV2Sampler;
import io.quayside.agent.cgroups.v2.MemoryV2Sampler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/** The samplers that read every cAdvisor container family from the cgroups of a host's layout. */
public final class CgroupSamplers {
    private CgroupSamplers() {
    }

    /** How long settings and the choice of blkio files are trusted before they are read again. */
    public static final Duration REREAD_AFTER = Duration.ofSeconds(60);

    public static List<CgroupSampler> forLayout(CgroupLayout layout) {
        return forLayout(layout, Path.of("/sys"));
    }

    public static List<CgroupSampler> forLayout(CgroupLayout layout, Path sysRoot) {
        return forLayout(layout, sysRoot, System::nanoTime);
    }

    /**
     * On a hybrid host the controllers sit on v1 hierarchies (the unified one holds none), so figures
     * come from v1, as cAdvisor takes them.
     *
     * @param sysRoot   where sysfs is mounted, for block device names
     * @param nanoClock monotonic nanoseconds, for what is remembered across sweeps
     */
    public static List<CgroupSampler> forLayout(CgroupLayout layout, Path sysRoot, LongSupplier nanoClock) {
        BlockDeviceNames devices = new BlockDeviceNames(sysRoot);
        CgroupSettings settings = new CgroupSettings(new ExpiringValues<>(REREAD_AFTER, nanoClock));
        return switch (layout) {
            case V1, HYBRID -> List.of(new CpuV1Sampler(settings), new MemoryV1Sampler(settings),
                    new BlkioV1Sampler(devices, new ExpiringValues<>(REREAD_AFTER, nanoClock)),
                    new ProcessesSampler("cpu", "pids"), new StartTimeSampler());
            case V2 -> List.of(new CpuV2Sampler(settings), new MemoryV2Sampler(settings), new IoV2Sampler(devices),
                    new ProcessesSampler(CgroupMounts.UNIFIED, CgroupMounts.UNIFIED), new StartTimeSampler());
        };
    }
}
