package io.quayside.functions.evaluate;

import io.quayside.functions.rules.RuleFileException;
import io.quayside.functions.rules.RuleFileParser;
import io.quayside.functions.rules.RuleGroup;
import io.quayside.model.TenantName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Prometheus rule files per tenant: {@code <dir>/<tenant>/*.yml} (or {@code .yaml}). A file that
 * does not pass the checks is reported and skipped; the other files still load.
 */
public final class RuleDirectory {
    private static final Logger LOG = Logger.getLogger(RuleDirectory.class.getName());

    private RuleDirectory() {
    }

    public record Loaded(Map<String, List<RuleGroup>> groupsByTenant, List<String> problems) {
    }

    public static Loaded load(Path dir) {
        Map<String, List<RuleGroup>> groups = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path tenantDir : list(dir, Files::isDirectory)) {
            String tenant = tenantDir.getFileName().toString();
            try {
                TenantName.check(tenant);
            } catch (IllegalArgumentException e) {
                problems.add(tenantDir + ": " + e.getMessage());
                continue;
            }
            for (Path file : list(tenantDir, RuleDirectory::isRuleFile)) {
                try {
                    groups.computeIfAbsent(tenant, t -> new ArrayList<>()).addAll(RuleFileParser.parse(file));
                } catch (RuleFileException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        problems.forEach(problem -> LOG.warning("rule file skipped: " + problem));
        return new Loaded(groups, problems);
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
