package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.Series;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Gathers a range query's per-step results into series sorted by labels, counting them against the budget. */
public final class RangeQueryCollector {
    private final Map<Labels, SeriesBuilder> series = new TreeMap<>();
    private final QueryBudget budget;

    public RangeQueryCollector(QueryBudget budget) {
        this.budget = budget;
    }

    public void add(Value stepResult, long t) {
        if (stepResult instanceof Value.Scalar scalar) {
            append(Labels.EMPTY, t, scalar.value());
            return;
        }
        for (Sample sample : ((Value.InstantVector) Evaluator.requireDistinctLabels(stepResult)).samples()) {
            append(sample.labels(), t, sample.value());
        }
    }

    private void append(Labels labels, long t, double value) {
        budget.hold(1);
        series.computeIfAbsent(labels, SeriesBuilder::new).add(t, value);
        budget.checkSeries(series.size());
    }

    public Value.RangeVector result() {
        List<Series> out = new ArrayList<>(series.size());
        series.values().forEach(builder -> out.add(builder.build()));
        return new Value.RangeVector(out);
    }
}
