package io.quayside.agent.cgroups.v2;

import io.quayside.agent.cgroups.BlockDeviceNames;
import io.quayside.agent.cgroups.CgroupMounts;
import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.ContainerFamilies;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.SampleCollector;
import io.quayside.model.MetricFamily;

import java.util.StringTokenizer;

/** Disk reads and writes per device from the unified hierarchy's {@code io.stat}. */
public final class IoV2Sampler implements CgroupSampler {
    private final BlockDeviceNames devices;

    public IoV2Sampler(BlockDeviceNames devices) {
        this.devices = devices;
    }

    @Override
    public void sample(HostContainer container, SampleCollector out) {
        String dir = container.cgroupPaths().get(CgroupMounts.UNIFIED);
        if (dir == null) {
            return;
        }
        // one line per device: "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0"
        out.readLines(dir + "/io.stat").ifPresent(lines -> lines.forEach(line -> addDevice(line, out)));
    }

    private void addDevice(String line, SampleCollector out) {
        StringTokenizer fields = new StringTokenizer(line);
        if (!fields.hasMoreTokens()) {
            return;
        }
        String device = devices.name(fields.nextToken(), out);
        while (fields.hasMoreTokens()) {
            String field = fields.nextToken();
            int equals = field.indexOf('=');
            MetricFamily family = equals < 0 ? null : familyOf(field.substring(0, equals));
            if (family == null) {
                continue;
            }
            try {
                out.add(family, Long.parseLong(field.substring(equals + 1)), "device", device);
            } catch (NumberFormatException e) {
                out.countReadError("unparsable");
            }
        }
    }

    private static MetricFamily familyOf(String key) {
        return switch (key) {
            case "rbytes" -> ContainerFamilies.FS_READS_BYTES;
            case "wbytes" -> ContainerFamilies.FS_WRITES_BYTES;
            case "rios" -> ContainerFamilies.FS_READS;
            case "wios" -> ContainerFamilies.FS_WRITES;
            default -> null;
        };
    }
}
