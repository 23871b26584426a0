package io.quayside.functions.rules.eval;

import io.quayside.functions.promql.InMemorySeriesSource;
import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.SeriesSource;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rule outputs kept in memory over the input series, for rule unit tests: the input series with what rules wrote on top (recorded series, {@code ALERTS}, stale markers),
 * so later rules and later evaluations read rule outputs as Prometheus reads them from its TSDB.
 */
public final class OverlayRuleOutputs implements RuleOutputs {
    private final SeriesSource input;
    private final InMemorySeriesSource outputs = new InMemorySeriesSource();

    public OverlayRuleOutputs(SeriesSource input) {
        this.input = input;
    }

    @Override
    public void append(Sample sample) {
        outputs.add(sample);
    }

    @Override
    public List<Series> select(List<LabelMatcher> matchers, long minTimeMs, long maxTimeMs) {
        List<Series> written = outputs.select(matchers, minTimeMs, maxTimeMs);
        if (written.isEmpty()) {
            return input.select(matchers, minTimeMs, maxTimeMs);
        }
        Map<Labels, Series> merged = new TreeMap<>();
        for (Series series : input.select(matchers, minTimeMs, maxTimeMs)) {
            merged.put(series.labels(), series);
        }
        for (Series series : written) {
            merged.merge(series.labels(), series, OverlayRuleOutputs::interleave);
        }
        return new ArrayList<>(merged.values());
    }

    /** A rule may write a series the input also has; the written sample wins at the same time. */
    private static Series interleave(Series a, Series b) {
        long[] times = new long[a.size() + b.size()];
        double[] values = new double[times.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.size() || j < b.size()) {
            boolean takeB = i == a.size() || (j < b.size() && b.timestamps()[j] <= a.timestamps()[i]);
            if (takeB && i < a.size() && b.timestamps()[j] == a.timestamps()[i]) {
                i++;
            }
            times[n] = takeB ? b.timestamps()[j] : a.timestamps()[i];
            values[n++] = takeB ? b.values()[j++] : a.values()[i++];
        }
        return new Series(a.labels(), Arrays.copyOf(times, n), Arrays.copyOf(values, n));
    }
}
