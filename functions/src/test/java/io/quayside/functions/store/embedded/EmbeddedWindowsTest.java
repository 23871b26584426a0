package io.quayside.functions.store.embedded;

import io.quayside.functions.TestClock;
import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.PromqlEngine;
import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.eval.Value;
import io.quayside.functions.store.SeriesWindows.AppendResult;
import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedWindowsTest {
    private static final long HOUR = 3_600_000;

    @TempDir
    Path state;
    private final TestClock clock = new TestClock(Instant.ofEpochMilli(10 * HOUR));

    private EmbeddedWindows open(WindowLimits limits) {
        return new EmbeddedWindows(state, limits, clock);
    }

    private EmbeddedWindows open() {
        return open(new WindowLimits(HOUR, 1000, 1000));
    }

    private static Sample cpu(String id, double value, long timestampMs) {
        return new Sample(Labels.of("__name__", "cpu", "id", id), value, timestampMs);
    }

    private static List<Sample> samplesOf(List<Series> series) {
        List<Sample> out = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < s.size(); i++) {
                out.add(new Sample(s.labels(), s.values()[i], s.timestamps()[i]));
            }
        }
        return out;
    }

    private static List<LabelMatcher> id(String id) {
        return List.of(LabelMatcher.of(LabelMatcher.Type.EQUAL, "id", id));
    }

    @Test
    void selectsByMatchersAndTimeKeepingTenantsApart() {
        long t = clock.millis();
        try (EmbeddedWindows windows = open()) {
            windows.append("a", List.of(cpu("x", 1, t - 20_000), cpu("x", 2, t - 10_000), cpu("y", 5, t - 10_000)));
            windows.append("b", List.of(cpu("x", 9, t - 10_000)));

            assertThat(samplesOf(windows.select("a", id("x"), t - 15_000, t))).containsExactly(cpu("x", 2, t - 10_000));
            assertThat(samplesOf(windows.select("a", List.of(LabelMatcher.of(LabelMatcher.Type.REGEX, "id", "x|y")), 0, t)))
                    .containsExactly(cpu("x", 1, t - 20_000), cpu("x", 2, t - 10_000), cpu("y", 5, t - 10_000));
            assertThat(samplesOf(windows.select("b", id("x"), 0, t))).containsExactly(cpu("x", 9, t - 10_000));
            assertThat(windows.select("c", List.of(), 0, t)).isEmpty();
        }
    }

    private static Sample metric(String name, String id, double value, long timestampMs) {
        return new Sample(name == null ? Labels.of("id", id) : Labels.of("__name__", name, "id", id), value, timestampMs);
    }

    private static List<LabelMatcher> matchers(String... typeNameValue) {
        List<LabelMatcher> out = new ArrayList<>();
        for (int i = 0; i < typeNameValue.length; i += 3) {
            LabelMatcher.Type type = switch (typeNameValue[i]) {
                case "=" -> LabelMatcher.Type.EQUAL;
                case "!=" -> LabelMatcher.Type.NOT_EQUAL;
                case "=~" -> LabelMatcher.Type.REGEX;
                default -> LabelMatcher.Type.NOT_REGEX;
            };
            out.add(LabelMatcher.of(type, typeNameValue[i + 1], typeNameValue[i + 2]));
        }
        return out;
    }

    @Test
    void selectsByNameAloneOrWithOtherMatchersInLabelOrder() {
        long t = clock.millis();
        try (EmbeddedWindows windows = open()) {
            windows.append("a", List.of(metric("mem", "b", 1, t), metric("cpu", "c", 2, t), metric("cpu", "a", 3, t),
                    metric("cpu", "b", 4, t), metric(null, "a", 5, t)));

            assertThat(samplesOf(windows.select("a", matchers("=", "__name__", "cpu"), 0, t)))
                    .containsExactly(metric("cpu", "a", 3, t), metric("cpu", "b", 4, t), metric("cpu", "c", 2, t));
            assertThat(samplesOf(windows.select("a", matchers("=", "__name__", "cpu", "!~", "id", "b|x"), 0, t)))
                    .containsExactly(metric("cpu", "a", 3, t), metric("cpu", "c", 2, t));
            assertThat(samplesOf(windows.select("a", matchers("=", "id", "b", "=", "__name__", "mem"), 0, t)))
                    .containsExactly(metric("mem", "b", 1, t));
            assertThat(windows.select("a", matchers("=", "__name__", "disk"), 0, t)).isEmpty();
            assertThat(samplesOf(windows.select("a", matchers("=", "__name__", ""), 0, t)))
                    .as("a series without a name has the empty name").containsExactly(metric(null, "a", 5, t));
        }
    }

    @Test
    void selectsWithoutAFixedNameByScanningEverySeriesInLabelOrder() {
        long t = clock.millis();
        try (EmbeddedWindows windows = open()) {
            windows.append("a", List.of(metric("mem", "a", 1, t), metric("cpu", "b", 2, t), metric("cpu", "a", 3, t),
                    metric(null, "b", 4, t)));

            assertThat(samplesOf(windows.select("a", matchers("=~", "__name__", "cpu|mem"), 0, t)))
                    .containsExactly(metric("cpu", "a", 3, t), metric("cpu", "b", 2, t), metric("mem", "a", 1, t));
            assertThat(samplesOf(windows.select("a", matchers("=", "id", "b"), 0, t)))
                    .as("__name__ sorts before id").containsExactly(metric("cpu", "b", 2, t), metric(null, "b", 4, t));
        }
    }

    @Test
    void evictedSeriesLeaveTheIndexAndFreeTheirPlaceUnderTheLimit() {
        try (EmbeddedWindows windows = open(new WindowLimits(HOUR, 10, 2))) {
            windows.append("a", List.of(metric("cpu", "old", 1, clock.millis()), metric("mem", "kept", 1, clock.millis() + HOUR / 2)));
            clock.advance(Duration.ofMillis(HOUR + 1));
            windows.append("a", List.of(metric("mem", "kept", 2, clock.millis())));
            assertThat(windows.select("a", matchers("=", "__name__", "cpu"), 0, clock.millis())).isEmpty();

            assertThat(windows.append("a", List.of(metric("cpu", "new", 2, clock.millis()))))
                    .as("the evicted series no longer counts").isEqualTo(new AppendResult(1, 0, 0));
            assertThat(samplesOf(windows.select("a", matchers("=", "__name__", "cpu"), 0, clock.millis())))
                    .containsExactly(metric("cpu", "new", 2, clock.millis()));
            assertThat(windows.append("a", List.of(metric("disk", "x", 1, clock.millis()))))
                    .as("two series again: cpu/new and mem/kept").isEqualTo(new AppendResult(0, 0, 1));
        }
    }

    @Test
    void restartRebuildsTheIndexFromTheLog() {
        long t = clock.millis();
        try (EmbeddedWindows windows = open()) {
            windows.append("a", List.of(metric("cpu", "a", 1, t), metric("mem", "a", 2, t)));
        }
        try (EmbeddedWindows windows = open()) {
            assertThat(samplesOf(windows.select("a", matchers("=", "__name__", "mem"), 0, t))).containsExactly(metric("mem", "a", 2, t));
            assertThat(windows.append("a", List.of(metric("mem", "a", 3, t + 1000)))).isEqualTo(new AppendResult(1, 0, 0));
            assertThat(samplesOf(windows.select("a", matchers("=", "__name__", "mem"), 0, t + 1000)))
                    .containsExactly(metric("mem", "a", 2, t), metric("mem", "a", 3, t + 1000));
        }
    }

    @Test
    void outOfOrderIsCountedRepeatIsNotAndLimitsHold() {
        long t = clock.millis();
        try (EmbeddedWindows windows = open(new WindowLimits(HOUR, 2, 1))) {
            assertThat(windows.append("a", List.of(cpu("x", 1, t - 3000), cpu("x", 2, t - 2000), cpu("x", 3, t - 1000))))
                    .isEqualTo(new AppendResult(3, 0, 0));
            assertThat(windows.append("a", List.of(cpu("x", 3, t - 1000), cpu("x", 4, t - 1500), cpu("y", 1, t))))
                    .isEqualTo(new AppendResult(0, 1, 1));
            assertThat(samplesOf(windows.select("a", List.of(), 0, t))).as("two samples a series, the oldest made room")
                    .containsExactly(cpu("x", 2, t - 2000), cpu("x", 3, t - 1000));
        }
    }

    @Test
    void restartReplaysTheLogAndDropsWhatIsPastRetention() {
        long t = clock.millis();
        try (EmbeddedWindows windows = open()) {
            windows.append("a", List.of(cpu("x", 1, t - 2 * HOUR)));
            windows.append("a", List.of(cpu("x", 2, t - 1000), new Sample(cpu("x", 0, 0).labels(), Sample.STALE_NAN, t)));
        }
        try (EmbeddedWindows windows = open()) {
            assertThat(samplesOf(windows.select("a", List.of(), 0, t)))
                    .containsExactly(cpu("x", 2, t - 1000), new Sample(cpu("x", 0, 0).labels(), Sample.STALE_NAN, t));
        }
    }

    @Test
    void tornLastFrameIsCutAndLaterAppendsSurvive() throws Exception {
        long t = clock.millis();
        try (EmbeddedWindows windows = open()) {
            windows.append("a", List.of(cpu("x", 1, t - 2000)));
        }
        Path log = state.resolve("tenants/a/windows.log");
        Files.write(log, new byte[]{0, 0, 0, 40, 'Q', 'S'}, StandardOpenOption.APPEND);
        try (EmbeddedWindows windows = open()) {
            windows.append("a", List.of(cpu("x", 2, t - 1000)));
        }
        try (EmbeddedWindows windows = open()) {
            assertThat(samplesOf(windows.select("a", List.of(), 0, t))).containsExactly(cpu("x", 1, t - 2000), cpu("x", 2, t - 1000));
        }
    }

    @Test
    void compactionShrinksTheLogAndKeepsTheWindows() throws Exception {
        long t = clock.millis();
        Path log = state.resolve("tenants/a/windows.log");
        try (EmbeddedWindows windows = open()) {
            for (int i = 0; i < 200; i++) {
                windows.append("a", List.of(cpu("x", i, t - 2 * HOUR + i * 1000)));
            }
            windows.append("a", List.of(cpu("x", 500, t)));
            long before = Files.size(log);
            windows.compact(0);
            assertThat(Files.size(log)).isLessThan(before / 10);
            windows.append("a", List.of(cpu("x", 501, t + 1000)));
        }
        try (EmbeddedWindows windows = open()) {
            assertThat(samplesOf(windows.select("a", List.of(), 0, t + 1000))).containsExactly(cpu("x", 500, t), cpu("x", 501, t + 1000));
        }
    }

    @Test
    void theEngineReadsATenantsWindows() {
        long t = clock.millis();
        try (EmbeddedWindows windows = open()) {
            for (int i = 0; i <= 6; i++) {
                windows.append("a", List.of(cpu("x", i * 10.0, t - 60_000 + i * 10_000)));
            }
            windows.append("b", List.of(cpu("x", 1e9, t)));
            Value value = new PromqlEngine(windows.source("a")).instantQuery("rate(cpu[1m])", t).value();
            assertThat(((Value.InstantVector) value).samples()).singleElement()
                    .satisfies(sample -> assertThat(sample.value()).isEqualTo(1.0));
        }
    }
}
