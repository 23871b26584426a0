package io.quayside.functions.evaluate;

import io.quayside.functions.TestClock;
import io.quayside.functions.promql.InMemorySeriesSource;
import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.Series;
import io.quayside.functions.rules.eval.ActiveAlert;
import io.quayside.functions.rules.eval.AlertState;
import io.quayside.functions.rules.eval.ExternalContext;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule files edited while rules run: good versions replace the file's groups, bad ones leave them running. */
class RuleReloadTest {
    private static final String ALERT = """
            groups:
              - name: a
                rules:
                  - alert: %s
                    expr: up == 1
                    for: 1m
            """;
    private static final String RECORD = """
            groups:
              - name: b
                rules:
                  - record: %s
                    expr: up
            """;

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.EPOCH);
    private Path alerts;
    private Path records;
    private RuleEvaluation evaluation;
    private int version;

    @BeforeEach
    void start() throws IOException {
        Files.createDirectories(dir.resolve("local"));
        alerts = write("alerts.yml", ALERT.formatted("UpIsOne"));
        records = write("records.yml", RECORD.formatted("b:up"));
        MemoryWindows windows = new MemoryWindows();
        for (long t = 0; t <= 600_000; t += 10_000) {
            windows.source.add(new Sample(Labels.of("__name__", "up", "job", "api"), 1, t));
        }
        evaluation = new RuleEvaluation(new RuleDirectory(dir), clock, windows, (tenant, sent) -> { },
                new ExternalContext(Labels.EMPTY, "http://localhost"), 10_000);
    }

    @Test
    void aBrokenFileKeepsItsPreviousRulesRunningUntilItIsFixed() throws IOException {
        evaluateAt(60_000);
        assertThat(alert("UpIsOne").state()).isEqualTo(AlertState.PENDING);

        write("alerts.yml", ALERT.formatted("UpIsOne").replace("up == 1", "sum(up"));
        evaluateAt(130_000);

        assertThat(alert("UpIsOne").state()).isEqualTo(AlertState.FIRING);
        assertThat(alert("UpIsOne").activeAtMs()).isEqualTo(60_000);
        assertThat(evaluation.ruleFileProblems()).containsOnlyKeys(alerts);
        assertThat(evaluation.ruleFileProblems().get(alerts)).containsExactly(alerts
                + ": 5:15: group \"a\", rule 1, \"UpIsOne\": could not parse expression: 1:7: parse error: unclosed left parenthesis");

        write("alerts.yml", ALERT.formatted("UpIsStillOne"));
        evaluateAt(140_000);

        assertThat(evaluation.activeAlerts("local")).extracting(a -> a.labels().get("alertname")).containsExactly("UpIsStillOne");
        assertThat(evaluation.ruleFileProblems()).isEmpty();
    }

    @Test
    void alertsSurviveTheReloadOfAnotherFile() throws IOException {
        evaluateAt(60_000);
        write("records.yml", RECORD.formatted("b:up:renamed"));
        evaluateAt(130_000);

        assertThat(alert("UpIsOne").state()).isEqualTo(AlertState.FIRING);
        assertThat(alert("UpIsOne").activeAtMs()).isEqualTo(60_000);
    }

    @Test
    void addedFilesStartAndRemovedFilesStop() throws IOException {
        assertThat(evaluateAt(60_000)).isEqualTo(2);

        write("more.yaml", ALERT.formatted("Another").replace("name: a", "name: c"));
        Files.delete(records);
        assertThat(evaluateAt(70_000)).isEqualTo(2);
        assertThat(evaluation.activeAlerts("local")).extracting(a -> a.labels().get("alertname"))
                .containsExactlyInAnyOrder("UpIsOne", "Another");

        Files.delete(alerts);
        assertThat(evaluateAt(80_000)).isEqualTo(1);
    }

    @Test
    void filesAreCheckedAtMostEveryFewSeconds() throws IOException {
        evaluateAt(60_000);
        write("alerts.yml", ALERT.formatted("Renamed"));

        clock.advance(Duration.ofMillis(RuleEvaluation.RELOAD_CHECK_MS - 1));
        evaluation.evaluateDue(70_000);
        assertThat(evaluation.activeAlerts("local")).extracting(a -> a.labels().get("alertname")).containsExactly("UpIsOne");
        clock.advance(Duration.ofMillis(1));
        evaluation.evaluateDue(80_000);
        assertThat(evaluation.activeAlerts("local")).extracting(a -> a.labels().get("alertname")).containsExactly("Renamed");
    }

    private int evaluateAt(long timeMs) {
        clock.advance(Duration.ofMillis(RuleEvaluation.RELOAD_CHECK_MS));
        return evaluation.evaluateDue(timeMs);
    }

    private ActiveAlert alert(String name) {
        return evaluation.activeAlerts("local").stream().filter(a -> a.labels().get("alertname").equals(name)).findFirst().orElseThrow();
    }

    /** Each write gets a later modification time, as a file system with coarse timestamps might not give it. */
    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve("local").resolve(name);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000 + 1000L * version++));
        return file;
    }

    private static final class MemoryWindows implements SeriesWindows {
        final InMemorySeriesSource source = new InMemorySeriesSource();

        @Override
        public AppendResult append(String tenant, Collection<Sample> samples) {
            samples.forEach(source::add);
            return new AppendResult(samples.size(), 0, 0);
        }

        @Override
        public List<Series> select(String tenant, List<LabelMatcher> matchers, long minTimeMs, long maxTimeMs) {
            return source.select(matchers, minTimeMs, maxTimeMs);
        }
    }
}
