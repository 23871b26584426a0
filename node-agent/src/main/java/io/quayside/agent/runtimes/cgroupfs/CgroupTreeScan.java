package io.quayside.agent.runtimes.cgroupfs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** Walks one cgroup hierarchy for directories that match a container pattern. */
final class CgroupTreeScan {
    /** Deep enough for Kubernetes' {@code kubepods.slice/<qos>.slice/<pod>.slice/<container>.scope} and more. */
    private static final int MAX_DEPTH = 12;
    private static final Logger LOG = Logger.getLogger(CgroupTreeScan.class.getName());

    record Match(String id, Path directory, String relativePath) {
    }

    private final List<CgroupPattern> patterns;

    CgroupTreeScan(List<CgroupPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    List<Match> scan(Path root) {
        List<Match> matches = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String relative = root.relativize(dir).toString().replace('\\', '/');
                    Optional<String> id = idOf(relative);
                    id.ifPresent(found -> matches.add(new Match(found, dir, relative)));
                    // A container's sub-cgroups are part of it, never containers of their own.
                    return id.isPresent() ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // removed while walking
                }
            });
        } catch (IOException e) {
            LOG.warning("cannot scan cgroups under " + root + ": " + e.getMessage());
        }
        return matches;
    }

    private Optional<String> idOf(String relative) {
        return relative.isEmpty() ? Optional.empty()
                : patterns.stream().map(pattern -> pattern.idOf(relative)).flatMap(Optional::stream).findFirst();
    }
}
