package io.quayside.functions.promql;

import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queries that would hold too much fail with an error naming the limit, as Prometheus' do. */
class QueryLimitsTest {
    private static final String TOO_MANY_SAMPLES = "query processing would load too many samples into memory in query execution";
    private final InMemorySeriesSource source = new InMemorySeriesSource();

    /** Ten series, one sample every 10s for 10 minutes: 61 samples each. */
    @BeforeEach
    void series() {
        for (int i = 0; i < 10; i++) {
            for (long t = 0; t <= 600_000; t += 10_000) {
                source.add(new Sample(Labels.of("__name__", "up", "instance", "i" + i), 1, t));
            }
        }
    }

    private PromqlEngine engine(long maxSamples, int maxSeries) {
        return new PromqlEngine(source, PromqlEngine.DEFAULT_LOOKBACK_MS, new QueryLimits(maxSamples, maxSeries));
    }

    @Test
    void rangeSelectorsCountEverySampleTheyLoad() {
        // up[1m] at 10m: 6 samples of each of 10 series.
        assertThat(engine(60, 100).instantQuery("count_over_time(up[1m])", 600_000).value()).isNotNull();
        assertThatThrownBy(() -> engine(59, 100).instantQuery("count_over_time(up[1m])", 600_000))
                .isInstanceOf(PromqlException.class).hasMessage(TOO_MANY_SAMPLES);
    }

    @Test
    void rangeQueriesCountTheirResultAndEachStepsSelection() {
        // At the last of 11 steps: 10 steps of 10 samples kept, plus the 10 that step selects.
        assertThat(engine(110, 100).rangeQuery("up", 0, 100_000, 10_000).value()).isNotNull();
        assertThatThrownBy(() -> engine(109, 100).rangeQuery("up", 0, 100_000, 10_000))
                .isInstanceOf(PromqlException.class).hasMessage(TOO_MANY_SAMPLES);
    }

    @Test
    void resultsWithTooManySeriesFail() {
        assertThat(engine(1000, 10).instantQuery("up", 600_000).value()).isNotNull();
        assertThatThrownBy(() -> engine(1000, 9).instantQuery("up", 600_000))
                .isInstanceOf(PromqlException.class).hasMessageContaining("too many series: more than 9");
        assertThatThrownBy(() -> engine(1000, 9).rangeQuery("up", 0, 100_000, 10_000))
                .isInstanceOf(PromqlException.class).hasMessageContaining("too many series: more than 9");
    }

    @Test
    void defaultsAreGenerous() {
        assertThat(QueryLimits.DEFAULT).isEqualTo(new QueryLimits(50_000_000, 1_000_000));
        assertThat(new PromqlEngine(source).rangeQuery("sum(rate(up[5m]))", 0, 600_000, 1_000).value()).isNotNull();
    }
}
