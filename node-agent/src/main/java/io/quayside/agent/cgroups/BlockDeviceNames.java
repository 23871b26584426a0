package io.quayside.agent.cgroups;

import io.quayside.agent.sweep.SampleCollector;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names block devices as cAdvisor labels them ({@code /dev/vda}) from their {@code major:minor}, by
 * the kernel's {@code /sys/dev/block/<major:minor>/uevent}; a device the kernel does not name keeps
 * its {@code major:minor}. Names are kept for the life of the agent: a number is not reused while
 * its device exists.
 */
public final class BlockDeviceNames {
    private final Path sysRoot;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** @param sysRoot where sysfs is mounted, {@code /sys} on a host */
    public BlockDeviceNames(Path sysRoot) {
        this.sysRoot = sysRoot;
    }

    public String name(String majorMinor, SampleCollector reads) {
        String known = names.get(majorMinor);
        if (known != null) {
            return known;
        }
        String name = reads.readLinesIfPresent(sysRoot.resolve("dev/block").resolve(majorMinor).resolve("uevent").toString())
                .flatMap(BlockDeviceNames::devName).map(dev -> "/dev/" + dev).orElse(majorMinor);
        names.put(majorMinor, name);
        return name;
    }

    private static Optional<String> devName(List<String> uevent) {
        return uevent.stream().filter(line -> line.startsWith("DEVNAME=")).map(line -> line.substring(8)).findFirst();
    }
}
