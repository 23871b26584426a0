package io.quayside.agent.node;

import io.quayside.agent.sweep.SampleCollector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringTokenizer;

/**
 * Size and free space of the host's real filesystems, from the mounts of its init process (the
 * host's mount namespace, even when the agent runs in a container), filtered with node_exporter's
 * default exclusions so that pseudo and container filesystems are left out.
 */
final class MountedFilesystems {
    /** node_exporter's default {@code fs-types-exclude}. */
    private static final Set<String> PSEUDO_TYPES = Set.of("autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2",
            "configfs", "debugfs", "devpts", "devtmpfs", "fusectl", "hugetlbfs", "iso9660", "mqueue", "nsfs", "overlay",
            "proc", "procfs", "pstore", "rpc_pipefs", "securityfs", "selinuxfs", "squashfs", "erofs", "sysfs", "tracefs");
    /** node_exporter's default {@code mount-points-exclude}: these trees themselves ... */
    private static final List<String> EXCLUDED_TREES = List.of("/dev", "/proc", "/sys");
    /** ... and whatever is mounted below these (but not these). */
    private static final List<String> EXCLUDED_BELOW = List.of("/run/credentials/", "/var/lib/docker/",
            "/var/lib/containers/storage/");

    private final Path mounts;
    private final Path rootFs;

    MountedFilesystems(Path procRoot, Path rootFs) {
        this.mounts = procRoot.resolve("1/mounts");
        this.rootFs = rootFs;
    }

    void sample(SampleCollector out) {
        out.readLines(mounts.toString()).ifPresent(lines -> {
            Set<String> seen = new HashSet<>();
            for (String line : lines) {
                // DEVICE MOUNT_POINT FSTYPE OPTIONS DUMP PASS
                StringTokenizer fields = new StringTokenizer(line);
                if (fields.countTokens() < 3) {
                    out.countReadError("unparsable");
                    continue;
                }
                String device = fields.nextToken();
                String mountPoint = unescape(fields.nextToken());
                String type = fields.nextToken();
                if (!PSEUDO_TYPES.contains(type) && !excluded(mountPoint) && seen.add(device + ' ' + mountPoint + ' ' + type)) {
                    add(device, mountPoint, type, out);
                }
            }
        });
    }

    private void add(String device, String mountPoint, String type, SampleCollector out) {
        out.fileStore(rootFs.resolve(mountPoint.substring(1)).toString()).ifPresent(store -> {
            try {
                long size = store.getTotalSpace();
                long avail = store.getUsableSpace();
                String[] labels = {"device", device, "fstype", type, "mountpoint", mountPoint};
                out.add(NodeFamilies.FILESYSTEM_SIZE, size, labels);
                out.add(NodeFamilies.FILESYSTEM_AVAIL, avail, labels);
            } catch (IOException e) {
                out.countReadError("io_error");
            }
        });
    }

    static boolean excluded(String mountPoint) {
        for (String tree : EXCLUDED_TREES) {
            if (mountPoint.equals(tree) || mountPoint.startsWith(tree + "/")) {
                return true;
            }
        }
        for (String parent : EXCLUDED_BELOW) {
            if (mountPoint.startsWith(parent) && mountPoint.length() > parent.length()) {
                return true;
            }
        }
        return false;
    }

    /** The mounts file writes space, tab, newline and backslash in paths as octal escapes. */
    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
