package io.quayside.functions.promql;

import io.quayside.functions.promql.eval.Value;
import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Evaluation rules the Prometheus scripts in shared/ do not pin down. */
class EvaluationEdgeCaseTest {
    private final InMemorySeriesSource source = new InMemorySeriesSource();
    private final PromqlEngine engine = new PromqlEngine(source);

    private void add(double value, long timestampMs, String... labels) {
        source.add(new Sample(Labels.of(labels), value, timestampMs));
    }

    private List<Sample> vector(String query, long timeMs) {
        return ((Value.InstantVector) engine.instantQuery(query, timeMs).value()).samples();
    }

    private double scalar(String query) {
        return ((Value.Scalar) engine.instantQuery(query, 0).value()).value();
    }

    @Test
    void lookbackIsLeftOpen() {
        add(1, 0, "__name__", "up");
        assertThat(vector("up", 299_999)).hasSize(1);
        assertThat(vector("up", 300_000)).isEmpty();
    }

    @Test
    void staleMarkerEndsSeriesAndIsLeftOutOfRanges() {
        add(1, 0, "__name__", "up");
        add(Sample.STALE_NAN, 10_000, "__name__", "up");
        add(2, 20_000, "__name__", "up");
        assertThat(vector("up", 15_000)).isEmpty();
        assertThat(vector("count_over_time(up[30s])", 20_000)).extracting(Sample::value).containsExactly(2.0);
    }

    @Test
    void rangeWindowExcludesItsStart() {
        add(1, 10_000, "__name__", "x");
        add(2, 20_000, "__name__", "x");
        assertThat(vector("count_over_time(x[10s])", 20_000)).extracting(Sample::value).containsExactly(1.0);
    }

    @Test
    void operatorPrecedenceMatchesPrometheus() {
        assertThat(scalar("-2 ^ 2")).isEqualTo(-4);
        assertThat(scalar("2 ^ 3 ^ 2")).isEqualTo(512);
        assertThat(scalar("1 + 2 * 3 % 4")).isEqualTo(3);
        assertThat(scalar("1 ^ NaN")).isEqualTo(1);
    }

    @Test
    void kahanSummationKeepsSmallTerms() {
        add(1e100, 10_000, "__name__", "x");
        add(1, 20_000, "__name__", "x");
        add(-1e100, 30_000, "__name__", "x");
        assertThat(vector("sum_over_time(x[1m])", 30_000)).extracting(Sample::value).containsExactly(1.0);
    }

    @Test
    void averageOfHugeValuesDoesNotOverflow() {
        add(Double.MAX_VALUE, 0, "__name__", "x", "i", "1");
        add(Double.MAX_VALUE, 0, "__name__", "x", "i", "2");
        assertThat(vector("avg(x)", 0).get(0).value()).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void arithmeticDropsMetricNameButFilteringAndTopkKeepIt() {
        add(3, 0, "__name__", "x", "i", "1");
        assertThat(vector("x + 1", 0).get(0).labels()).isEqualTo(Labels.of("i", "1"));
        assertThat(vector("x > bool 1", 0).get(0).labels()).isEqualTo(Labels.of("i", "1"));
        assertThat(vector("x > 1", 0).get(0).labels().metricName()).isEqualTo("x");
        assertThat(vector("topk(1, x)", 0).get(0).labels().metricName()).isEqualTo("x");
    }

    @Test
    void oneToOneMatchingRejectsDuplicatesLikePrometheus() {
        add(1, 0, "__name__", "a", "job", "j", "i", "1");
        add(2, 0, "__name__", "a", "job", "j", "i", "2");
        add(3, 0, "__name__", "b", "job", "j");
        assertThatThrownBy(() -> vector("a + on(job) b", 0)).hasMessage(
                "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
        assertThatThrownBy(() -> vector("b + on(job) a", 0)).hasMessage(
                "found duplicate series for the match group {job=\"j\"} on the right hand-side of the operation: "
                        + "[{__name__=\"a\", i=\"2\", job=\"j\"}, {__name__=\"a\", i=\"1\", job=\"j\"}]"
                        + ";many-to-many matching not allowed: matching labels must be unique on one side");
        assertThat(vector("a + on(job) group_left b", 0)).extracting(Sample::value).containsExactlyInAnyOrder(4.0, 5.0);
    }

    @Test
    void rangeQueryRefusesRangeVectors() {
        assertThatThrownBy(() -> engine.rangeQuery("x[5m]", 0, 60_000, 15_000)).hasMessage(
                "invalid expression type \"range vector\" for range query, must be Scalar or instant Vector");
    }

    @Test
    void subqueryStepsAlignToMultiplesOfTheStep() {
        for (long t = 0; t <= 60_000; t += 5_000) {
            add(t / 1000.0, t, "__name__", "x");
        }
        assertThat(vector("count_over_time(x[1m:30s])", 45_000)).extracting(Sample::value).containsExactly(2.0);
        assertThat(vector("last_over_time(timestamp(x)[1m:30s])", 45_000)).extracting(Sample::value).containsExactly(30.0);
    }

    @Test
    void countValuesFormatsLikeGo() {
        add(1.5, 0, "__name__", "v", "i", "1");
        add(1e21, 0, "__name__", "v", "i", "2");
        add(Double.POSITIVE_INFINITY, 0, "__name__", "v", "i", "3");
        assertThat(vector("count_values(\"value\", v)", 0)).extracting(s -> s.labels().get("value"))
                .containsExactlyInAnyOrder("1.5", "1000000000000000000000", "+Inf");
    }

    @Test
    void histogramQuantileInterpolatesWithinClassicBuckets() {
        add(1, 0, "__name__", "h_bucket", "le", "0.1");
        add(2, 0, "__name__", "h_bucket", "le", "0.2");
        add(3, 0, "__name__", "h_bucket", "le", "+Inf");
        assertThat(vector("histogram_quantile(0.5, h_bucket)", 0).get(0).value()).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void labelReplaceExpandsTemplatesAsGoDoes() {
        add(1, 0, "__name__", "x", "src", "ab");
        assertThat(vector("label_replace(x, \"dst\", \"$1-${1}x-$1x\", \"src\", \"(a)b\")", 0).get(0).labels().get("dst"))
                .isEqualTo("a-ax-");
    }

    @Test
    void sortByLabelUsesNaturalOrder() {
        add(1, 0, "__name__", "x", "n", "10");
        add(2, 0, "__name__", "x", "n", "9");
        assertThat(vector("sort_by_label(x, \"n\")", 0)).extracting(s -> s.labels().get("n")).containsExactly("9", "10");
    }

    @Test
    void warnsAboutQuantilesOutsideZeroToOne() {
        add(1, 0, "__name__", "x");
        assertThat(engine.instantQuery("quantile(2, x)", 0).warnings())
                .containsExactly("PromQL warning: quantile value should be between 0 and 1, got 2");
    }

    @Test
    void regexMatchersAreAnchoredAndReadRe2Syntax() {
        add(1, 0, "__name__", "x", "n", "123");
        add(2, 0, "__name__", "x", "n", "a123");
        assertThat(vector("x{n=~\"[[:digit:]]+\"}", 0)).extracting(Sample::value).containsExactly(1.0);
        assertThat(vector("x{n=~\"(?P<digits>\\\\d+)\"}", 0)).extracting(Sample::value).containsExactly(1.0);
        assertThat(vector("x{n!~\"12\"}", 0)).hasSize(2);
    }
}
