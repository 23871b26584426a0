package io.quayside.agent.bench;

import io.quayside.agent.cgroups.Fixtures;
import io.quayside.agent.runtimes.HostContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A host of N containers on a temporary directory, made by copying a recorded fixture's containers
 * over and over: each copy gets its own cgroup directories ({@code <name>-<i>} beside the original),
 * its own {@code proc/<pid>/net/dev}, and the fixture's {@code sys/dev/block}, so every read of a
 * sweep opens a distinct file as on a real host.
 */
final class ReplicatedFixtureTree implements AutoCloseable {
    private static final int FIRST_PID = 100_000;

    private final Path root;
    private final List<HostContainer> containers = new ArrayList<>();

    /** @param templates ids of the fixture's containers ({@code runc/<id>/state.json}), used in turn */
    ReplicatedFixtureTree(String fixture, List<String> templates, int count) throws IOException {
        Path source = Fixtures.root(fixture);
        root = Files.createTempDirectory("quayside-sweep-bench-");
        copyTree(source.resolve("sys/dev"), root.resolve("sys/dev"));
        for (int i = 0; i < count; i++) {
            HostContainer template = Fixtures.container(fixture, templates.get(i % templates.size()));
            containers.add(replicate(source, template, i));
        }
    }

    private HostContainer replicate(Path source, HostContainer template, int index) throws IOException {
        Map<String, String> paths = new HashMap<>();
        for (Map.Entry<String, String> path : template.cgroupPaths().entrySet()) {
            Path original = source.relativize(Path.of(path.getValue()));
            Path copy = root.resolve(original).resolveSibling(original.getFileName() + "-" + index);
            copyTree(source.resolve(original), copy);
            paths.put(path.getKey(), copy.toString());
        }
        int pid = FIRST_PID + index;
        Path netDev = source.resolve("proc").resolve(Integer.toString(template.initPid())).resolve("net/dev");
        Path copiedNetDev = root.resolve("proc").resolve(Integer.toString(pid)).resolve("net/dev");
        Files.createDirectories(copiedNetDev.getParent());
        Files.copy(netDev, copiedNetDev);
        String id = template.id() + "-" + index;
        return new HostContainer(id, id, template.image(), template.labels(), template.runtime(), pid, paths, template.createdAt());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    Path sysRoot() {
        return root.resolve("sys");
    }

    Path procRoot() {
        return root.resolve("proc");
    }

    List<HostContainer> containers() {
        return containers;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
