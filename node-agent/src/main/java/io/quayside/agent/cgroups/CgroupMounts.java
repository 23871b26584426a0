package io.quayside.agent.cgroups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the cgroup hierarchies are mounted, read from a {@code mountinfo} file: one mount per v1
 * controller (or named hierarchy such as {@code name=systemd}), and the v2 unified mount, if any.
 */
public final class CgroupMounts {
    /** The key of the unified (v2) hierarchy, as runc names it in {@code cgroup_paths}. */
    public static final String UNIFIED = "";

    /** @param root the cgroup path that the mount point shows (usually {@code /}) */
    public record Mount(Path mountPoint, String root) {
        /** The directory of a cgroup given by its path in this hierarchy, as {@code /proc/<pid>/cgroup} lists it. */
        public Path resolve(String cgroupPath) {
            String relative = cgroupPath.startsWith(root) ? cgroupPath.substring(root.length()) : cgroupPath;
            relative = relative.startsWith("/") ? relative.substring(1) : relative;
            return relative.isEmpty() ? mountPoint : mountPoint.resolve(relative);
        }
    }

    private final Map<String, Mount> byController;

    private CgroupMounts(Map<String, Mount> byController) {
        this.byController = Map.copyOf(byController);
    }

    /** Reads {@code /proc/self/mountinfo} (or a recorded copy of one). */
    public static CgroupMounts read(Path mountinfo) {
        try {
            return parse(Files.readAllLines(mountinfo));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + mountinfo, e);
        }
    }

    static CgroupMounts parse(List<String> mountinfo) {
        Map<String, Mount> mounts = new HashMap<>();
        for (String line : mountinfo) {
            // ID PARENT MAJ:MIN ROOT MOUNT_POINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPER_OPTIONS
            int separator = line.indexOf(" - ");
            if (separator < 0) {
                continue;
            }
            String[] before = line.substring(0, separator).split(" ");
            String[] after = line.substring(separator + 3).split(" ");
            if (before.length < 5 || after.length < 3) {
                continue;
            }
            Mount mount = new Mount(Path.of(unescape(before[4])), unescape(before[3]));
            if (after[0].equals("cgroup2")) {
                mounts.putIfAbsent(UNIFIED, mount);
            } else if (after[0].equals("cgroup")) {
                for (String option : after[2].split(",")) {
                    if (!option.equals("rw") && !option.equals("ro")) {
                        mounts.putIfAbsent(option, mount);
                    }
                }
            }
        }
        return new CgroupMounts(mounts);
    }

    /** mountinfo writes space, tab, newline and backslash in paths as octal escapes. */
    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    public Optional<Mount> controller(String name) {
        return Optional.ofNullable(byController.get(name));
    }

    /** v1 when only controller hierarchies are mounted, v2 when only the unified one, hybrid when both. */
    public CgroupLayout layout() {
        boolean unified = byController.containsKey(UNIFIED);
        boolean v1 = byController.keySet().stream().anyMatch(name -> !name.isEmpty() && !name.startsWith("name="));
        return v1 ? (unified ? CgroupLayout.HYBRID : CgroupLayout.V1) : CgroupLayout.V2;
    }

    /**
     * A process's cgroup directory per controller, from its {@code /proc/<pid>/cgroup}: the same map
     * runc keeps in its state ({@code ""} for the unified hierarchy).
     */
    public Map<String, String> pathsOf(List<String> procCgroup) {
        Map<String, String> paths = new HashMap<>();
        for (String line : procCgroup) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            String[] controllers = fields[1].isEmpty() ? new String[]{UNIFIED} : fields[1].split(",");
            for (String controller : controllers) {
                controller(controller).ifPresent(mount -> paths.put(controller, mount.resolve(fields[2]).toString()));
            }
        }
        return paths;
    }
}
