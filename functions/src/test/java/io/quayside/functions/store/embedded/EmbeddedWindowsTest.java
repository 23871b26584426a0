package io.quayside.functions.store.embedded;

import io.quayside.functions.TestClock;
import io.quayside.functions.store.SeriesWindows.AppendResult;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.quayside.functions.store.SeriesWindowsContract.cpu;
import static io.quayside.functions.store.SeriesWindowsContract.matchers;
import static io.quayside.functions.store.SeriesWindowsContract.metric;
import static io.quayside.functions.store.SeriesWindowsContract.samplesOf;
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
}
