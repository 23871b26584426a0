package io.quayside.functions.promql;

import io.quayside.functions.promql.script.CaseRunner;
import io.quayside.functions.promql.script.EvalCase;
import io.quayside.functions.promql.script.KnownFailures;
import io.quayside.functions.promql.script.Outcome;
import io.quayside.functions.promql.script.ScriptParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Prometheus' own PromQL test scripts (shared/testdata/promql/*.test), one dynamic test per eval.
 * Cases listed in known-failures.txt may fail; listed cases that pass fail the build, so the list only shrinks.
 */
class PromqlScriptTest {
    private static final KnownFailures KNOWN_FAILURES = KnownFailures.load("/promql/known-failures.txt");
    private static final Map<String, FileSummary> SUMMARIES = new TreeMap<>();

    /** Per-file counts and the skipped cases, printed once all cases ran. */
    private static final class FileSummary {
        int passed;
        int failed;
        final List<String> skipped = new ArrayList<>();

        synchronized void record(EvalCase c, Outcome outcome) {
            switch (outcome.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case SKIPPED -> skipped.add(c.displayName() + " -- " + outcome.reason());
            }
        }
    }

    @TestFactory
    Stream<DynamicNode> prometheusTestScripts() throws IOException {
        String shared = System.getProperty("quayside.shared.dir");
        Path folder = shared == null ? null : Path.of(shared, "testdata", "promql");
        if (folder == null || !Files.isDirectory(folder)) {
            String reason = "PromQL test scripts not found (system property quayside.shared.dir=" + shared + ")";
            System.out.println("Skipping PromqlScriptTest: " + reason);
            Assumptions.abort(reason);
        }
        List<Path> scripts;
        try (Stream<Path> files = Files.list(folder)) {
            scripts = files.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        List<DynamicNode> containers = new ArrayList<>();
        Set<String> caseIds = new HashSet<>();
        for (Path script : scripts) {
            String file = script.getFileName().toString();
            List<EvalCase> cases = ScriptParser.parse(file, Files.readAllLines(script, StandardCharsets.UTF_8));
            FileSummary summary = new FileSummary();
            SUMMARIES.put(file, summary);
            cases.forEach(c -> caseIds.add(c.id()));
            containers.add(DynamicContainer.dynamicContainer(file,
                    cases.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> check(c, summary)))));
        }
        containers.add(DynamicTest.dynamicTest("known-failures.txt lists only existing cases", () -> {
            for (String id : KNOWN_FAILURES.caseIds()) {
                assertThat(caseIds).as("known-failures.txt entry").contains(id);
            }
        }));
        return containers.stream();
    }

    private static void check(EvalCase c, FileSummary summary) {
        Outcome outcome = CaseRunner.run(c);
        summary.record(c, outcome);
        String known = KNOWN_FAILURES.reason(c.id());
        switch (outcome.status()) {
            case SKIPPED -> Assumptions.abort(outcome.reason());
            case FAILED -> {
                if (known == null) {
                    fail(c.displayName() + ": " + outcome.reason());
                }
                Assumptions.abort("known failure (" + known + "): " + outcome.reason());
            }
            case PASSED -> {
                if (known != null) {
                    fail(c.id() + " passes now: remove it from known-failures.txt");
                }
            }
        }
    }

    @AfterAll
    static void printSummaries() {
        SUMMARIES.forEach((file, s) -> {
            System.out.println(file + ": " + s.passed + " passed, " + s.failed + " failed, " + s.skipped.size() + " skipped");
            s.skipped.forEach(skip -> System.out.println("  skipped " + skip));
        });
    }
}
