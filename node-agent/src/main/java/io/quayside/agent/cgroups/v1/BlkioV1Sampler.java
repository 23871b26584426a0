package io.quayside.agent.cgroups.v1;

import io.quayside.agent.cgroups.BlockDeviceNames;
import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.ContainerFamilies;
import io.quayside.agent.cgroups.ExpiringValues;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.SampleCollector;
import io.quayside.model.MetricFamily;

import java.util.List;
import java.util.Optional;
import java.util.StringTokenizer;

/**
 * Disk reads and writes per device from the v1 {@code blkio} controller. Which files hold them depends
 * on the kernel's I/O scheduler, so like runc (whose figures cAdvisor reports) this takes the first of
 * BFQ's, CFQ's, the throttle layer's recursive, then its own files that lists any device.
 */
public final class BlkioV1Sampler implements CgroupSampler {
    /** Pairs of (operations, bytes) files, in runc's order of preference. */
    private static final String[][] SOURCES = {
            {"blkio.bfq.io_serviced_recursive", "blkio.bfq.io_service_bytes_recursive"},
            {"blkio.io_serviced_recursive", "blkio.io_service_bytes_recursive"},
            {"blkio.throttle.io_serviced_recursive", "blkio.throttle.io_service_bytes_recursive"},
            {"blkio.throttle.io_serviced", "blkio.throttle.io_service_bytes"},
    };

    private final BlockDeviceNames devices;
    private final ExpiringValues<Integer> chosenSource;

    /** @param chosenSource remembers, per blkio directory, which source listed a device last time */
    public BlkioV1Sampler(BlockDeviceNames devices, ExpiringValues<Integer> chosenSource) {
        this.devices = devices;
        this.chosenSource = chosenSource;
    }

    /**
     * The scheduler does not change under a running container, so the source that listed a device is
     * read alone until its memory expires (or it lists none); the files before it are not tried again.
     */
    @Override
    public void sample(HostContainer container, SampleCollector out) {
        String blkio = container.cgroupPaths().get("blkio");
        if (blkio == null) {
            return;
        }
        Integer chosen = chosenSource.get(blkio);
        if (chosen != null && addFrom(blkio, chosen, out)) {
            return;
        }
        for (int i = 0; i < SOURCES.length; i++) {
            if ((chosen == null || i != chosen) && addFrom(blkio, i, out)) {
                chosenSource.put(blkio, i);
                return;
            }
        }
        chosenSource.remove(blkio);
    }

    /** Adds the figures of one source when it lists a device; false when it does not. */
    private boolean addFrom(String blkio, int source, SampleCollector out) {
        // every kernel has the last pair; a missing earlier one just means another scheduler
        boolean last = source == SOURCES.length - 1;
        String operationsFile = blkio + "/" + SOURCES[source][0];
        Optional<List<String>> operations = last ? out.readLines(operationsFile) : out.readLinesIfPresent(operationsFile);
        if (operations.isEmpty() || !listsADevice(operations.get())) {
            return false;
        }
        add(operations.get(), ContainerFamilies.FS_READS, ContainerFamilies.FS_WRITES, out);
        out.readLines(blkio + "/" + SOURCES[source][1])
                .ifPresent(bytes -> add(bytes, ContainerFamilies.FS_READS_BYTES, ContainerFamilies.FS_WRITES_BYTES, out));
        return true;
    }

    /** An idle cgroup's files hold only a {@code Total 0} line. */
    private static boolean listsADevice(List<String> lines) {
        return lines.stream().anyMatch(line -> line.indexOf(':') > 0);
    }

    /** Lines such as {@code 254:0 Read 409600}; the Sync, Async, Discard and Total lines are not wanted. */
    private void add(List<String> lines, MetricFamily reads, MetricFamily writes, SampleCollector out) {
        for (String line : lines) {
            StringTokenizer fields = new StringTokenizer(line);
            if (fields.countTokens() != 3) {
                continue;
            }
            String device = fields.nextToken();
            String operation = fields.nextToken();
            MetricFamily family = operation.equals("Read") ? reads : operation.equals("Write") ? writes : null;
            if (family == null) {
                continue;
            }
            try {
                out.add(family, Long.parseLong(fields.nextToken()), "device", devices.name(device, out));
            } catch (NumberFormatException e) {
                out.countReadError("unparsable");
            }
        }
    }
}
