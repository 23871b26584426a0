package io.quayside.functions.store;

import io.quayside.functions.TestClock;
import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.PromqlEngine;
import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.eval.Value;
import io.quayside.functions.store.SeriesWindows.AppendResult;
import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every adapter of {@link SeriesWindows} must do. An adapter's test extends this class and
 * opens fresh, empty windows per call of {@link #open}, all reading {@link #clock}.
 */
public abstract class SeriesWindowsContract {
    protected static final long HOUR = 3_600_000;

    /**
     * Now, on the hour, plus 25 s (so minutes of samples cross bucket edges): not a fixed date, since
     * DynamoDB Local, like DynamoDB, deletes items whose TTL has passed in real time.
     */
    protected final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(25));

    /** Empty windows that keep samples for {@code retention}, reading {@link #clock}; closed by the test's adapter. */
    protected abstract SeriesWindows open(Duration retention);

    private SeriesWindows open() {
        return open(Duration.ofMillis(HOUR));
    }

    public static Sample cpu(String id, double value, long timestampMs) {
        return new Sample(Labels.of("__name__", "cpu", "id", id), value, timestampMs);
    }

    public static Sample metric(String name, String id, double value, long timestampMs) {
        return new Sample(name == null ? Labels.of("id", id) : Labels.of("__name__", name, "id", id), value, timestampMs);
    }

    public static List<Sample> samplesOf(List<Series> series) {
        List<Sample> out = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < s.size(); i++) {
                out.add(new Sample(s.labels(), s.values()[i], s.timestamps()[i]));
            }
        }
        return out;
    }

    public static List<LabelMatcher> matchers(String... typeNameValue) {
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
    void selectsByMatchersAndTimeKeepingTenantsApart() {
        long t = clock.millis();
        SeriesWindows windows = open();
        windows.append("a", List.of(cpu("x", 1, t - 20_000), cpu("x", 2, t - 10_000), cpu("y", 5, t - 10_000)));
        windows.append("b", List.of(cpu("x", 9, t - 10_000)));

        assertThat(samplesOf(windows.select("a", matchers("=", "id", "x"), t - 15_000, t))).containsExactly(cpu("x", 2, t - 10_000));
        assertThat(samplesOf(windows.select("a", matchers("=~", "id", "x|y"), 0, t)))
                .containsExactly(cpu("x", 1, t - 20_000), cpu("x", 2, t - 10_000), cpu("y", 5, t - 10_000));
        assertThat(samplesOf(windows.select("b", matchers("=", "id", "x"), 0, t))).containsExactly(cpu("x", 9, t - 10_000));
        assertThat(windows.select("c", List.of(), 0, t)).isEmpty();
    }

    @Test
    void selectsByNameAloneOrWithOtherMatchersInLabelOrder() {
        long t = clock.millis();
        SeriesWindows windows = open();
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

    @Test
    void selectsWithoutAFixedNameInLabelOrder() {
        long t = clock.millis();
        SeriesWindows windows = open();
        windows.append("a", List.of(metric("mem", "a", 1, t), metric("cpu", "b", 2, t), metric("cpu", "a", 3, t),
                metric(null, "b", 4, t)));

        assertThat(samplesOf(windows.select("a", matchers("=~", "__name__", "cpu|mem"), 0, t)))
                .containsExactly(metric("cpu", "a", 3, t), metric("cpu", "b", 2, t), metric("mem", "a", 1, t));
        assertThat(samplesOf(windows.select("a", matchers("=", "id", "b"), 0, t)))
                .as("__name__ sorts before id").containsExactly(metric("cpu", "b", 2, t), metric(null, "b", 4, t));
    }

    @Test
    void appendsOfManyBatchesReadBackInTimeOrderAcrossMinutes() {
        long t = clock.millis();
        SeriesWindows windows = open();
        List<Sample> expected = new ArrayList<>();
        for (int i = 30; i >= 0; i--) {
            expected.add(cpu("x", i, t - i * 10_000L));
        }
        for (int i = 0; i < expected.size(); i++) {
            assertThat(windows.append("a", List.of(expected.get(i), cpu("y", i, expected.get(i).timestampMs()))))
                    .isEqualTo(new AppendResult(2, 0, 0));
        }
        assertThat(samplesOf(windows.select("a", matchers("=", "id", "x"), t - 300_000, t)))
                .containsExactlyElementsOf(expected);
        assertThat(samplesOf(windows.select("a", matchers("=", "id", "x"), t - 95_000, t - 45_000)))
                .extracting(Sample::value).containsExactly(9.0, 8.0, 7.0, 6.0, 5.0);
    }

    @Test
    void theSameBatchTakenInTwiceIsSelectedOnce() {
        long t = clock.millis();
        SeriesWindows windows = open();
        List<Sample> batch = List.of(cpu("x", 1, t - 1000), cpu("y", 2, t - 1000));
        windows.append("a", batch);
        assertThat(windows.append("a", batch).outOfOrder()).as("a repeat is not out of order").isZero();
        assertThat(samplesOf(windows.select("a", List.of(), 0, t))).containsExactlyElementsOf(batch);
    }

    @Test
    void outOfOrderWithinOneAppendIsCountedAndNotKept() {
        long t = clock.millis();
        SeriesWindows windows = open();
        assertThat(windows.append("a", List.of(cpu("x", 1, t - 2000), cpu("x", 2, t - 3000), cpu("x", 1, t - 2000),
                cpu("x", 3, t - 2000), cpu("x", 4, t - 1000)))).isEqualTo(new AppendResult(2, 2, 0));
        assertThat(samplesOf(windows.select("a", List.of(), 0, t))).containsExactly(cpu("x", 1, t - 2000), cpu("x", 4, t - 1000));
    }

    @Test
    void samplesPastTheRetentionAreNotSelected() {
        SeriesWindows windows = open(Duration.ofMinutes(10));
        long start = clock.millis();
        windows.append("a", List.of(cpu("x", 1, start), cpu("y", 1, start)));
        clock.advance(Duration.ofMinutes(10).plusSeconds(11));
        windows.append("a", List.of(cpu("y", 2, clock.millis())));

        assertThat(samplesOf(windows.select("a", List.of(), 0, clock.millis()))).containsExactly(cpu("y", 2, clock.millis()));
    }

    @Test
    void valuesAndStalenessMarkersKeepEveryBit() {
        long t = clock.millis();
        SeriesWindows windows = open();
        List<Sample> samples = List.of(cpu("x", Double.NaN, t - 4000), cpu("x", Double.POSITIVE_INFINITY, t - 3000),
                cpu("x", -0.0, t - 2000), cpu("x", Math.PI, t - 1000), new Sample(cpu("x", 0, 0).labels(), Sample.STALE_NAN, t));
        windows.append("a", samples);
        assertThat(samplesOf(windows.select("a", List.of(), 0, t))).containsExactlyElementsOf(samples);
    }

    @Test
    void theEngineReadsATenantsWindows() {
        long t = clock.millis();
        SeriesWindows windows = open();
        for (int i = 0; i <= 6; i++) {
            windows.append("a", List.of(cpu("x", i * 10.0, t - 60_000 + i * 10_000)));
        }
        windows.append("b", List.of(cpu("x", 1e9, t)));
        Value value = new PromqlEngine(windows.source("a")).instantQuery("rate(cpu[1m])", t).value();
        assertThat(((Value.InstantVector) value).samples()).singleElement()
                .satisfies(sample -> assertThat(sample.value()).isEqualTo(1.0));
    }
}
