package io.quayside.functions.evaluate;

import io.quayside.functions.rules.RuleFileException;
import io.quayside.functions.rules.RuleFileParser;
import io.quayside.functions.rules.RuleGroup;
import io.quayside.model.TenantName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Prometheus rule files per tenant: {@code <dir>/<tenant>/*.yml} (or {@code .yaml}), re-read when
 * they change. A version of a file that does not pass every check is reported and its problems kept,
 * while the file's previous good groups stay in force, as Prometheus keeps them on a failed reload.
 */
public final class RuleDirectory {
    private static final Logger LOG = Logger.getLogger(RuleDirectory.class.getName());

    private final Path dir;
    private final Map<Path, RuleFile> files = new TreeMap<>();
    private Map<Path, List<String>> tenantProblems = Map.of();

    public RuleDirectory(Path dir) {
        this.dir = dir;
    }

    /** A file's groups in force after a refresh; no groups when the file was removed. */
    public record Change(String tenant, String file, List<RuleGroup> groups) {
    }

    /** The version of a file last read; a rewrite changes its time or, within the same tick of the clock, its size. */
    private record Version(FileTime modified, long size) {
    }

    private record RuleFile(String tenant, Version version, List<RuleGroup> groups, List<String> problems) {
    }

    /**
     * Reads the files added or modified since the last refresh and forgets the removed ones; returns
     * the files whose groups in force changed. A file that fails its checks is not among them.
     */
    public List<Change> refresh() {
        Map<Path, String> present = ruleFiles();
        List<Change> changes = new ArrayList<>();
        files.entrySet().removeIf(entry -> {
            boolean removed = !present.containsKey(entry.getKey());
            if (removed && !entry.getValue().groups().isEmpty()) {
                changes.add(new Change(entry.getValue().tenant(), entry.getKey().toString(), List.of()));
            }
            return removed;
        });
        present.forEach((file, tenant) -> {
            Version version = version(file);
            RuleFile previous = files.get(file);
            if (previous == null || !previous.version().equals(version)) {
                read(file, tenant, version, previous).ifPresent(changes::add);
            }
        });
        return changes;
    }

    /** The problems of every rule file (and tenant directory) whose version on disk is not in force. */
    public Map<Path, List<String>> problems() {
        Map<Path, List<String>> problems = new LinkedHashMap<>(tenantProblems);
        files.forEach((file, state) -> {
            if (!state.problems().isEmpty()) {
                problems.put(file, state.problems());
            }
        });
        return problems;
    }

    private Optional<Change> read(Path file, String tenant, Version version, RuleFile previous) {
        try {
            List<RuleGroup> groups = RuleFileParser.parse(file);
            files.put(file, new RuleFile(tenant, version, groups, List.of()));
            return Optional.of(new Change(tenant, file.toString(), groups));
        } catch (RuleFileException e) {
            e.problems().forEach(problem -> LOG.warning("rule file not loaded, its previous rules stay in force: " + problem));
            List<RuleGroup> kept = previous == null ? List.of() : previous.groups();
            files.put(file, new RuleFile(tenant, version, kept, e.problems()));
            return Optional.empty();
        }
    }

    /** Every rule file, with its tenant; tenant directories with invalid names are reported once, not read. */
    private Map<Path, String> ruleFiles() {
        Map<Path, String> found = new TreeMap<>();
        Map<Path, List<String>> badTenants = new LinkedHashMap<>();
        for (Path tenantDir : list(dir, Files::isDirectory)) {
            String tenant = tenantDir.getFileName().toString();
            try {
                TenantName.check(tenant);
                list(tenantDir, RuleDirectory::isRuleFile).forEach(file -> found.put(file, tenant));
            } catch (IllegalArgumentException e) {
                badTenants.put(tenantDir, List.of(tenantDir + ": " + e.getMessage()));
                if (!tenantProblems.containsKey(tenantDir)) {
                    LOG.warning("rule directory skipped: " + tenantDir + ": " + e.getMessage());
                }
            }
        }
        tenantProblems = badTenants;
        return found;
    }

    private static Version version(Path file) {
        try {
            return new Version(Files.getLastModifiedTime(file), Files.size(file));
        } catch (IOException e) {
            // Removed between listing and reading: read it, and report it, as the parser does.
            return new Version(FileTime.fromMillis(0), -1);
        }
    }

    private static boolean isRuleFile(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    private static List<Path> list(Path dir, Predicate<Path> keep) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
