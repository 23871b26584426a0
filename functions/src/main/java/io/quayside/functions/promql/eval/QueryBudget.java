package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.promql.QueryLimits;

/** One query's use of its {@link QueryLimits}: the samples it holds now, counted as Prometheus counts them. */
public final class QueryBudget {
    private final QueryLimits limits;
    private long heldSamples;

    public QueryBudget(QueryLimits limits) {
        this.limits = limits;
    }

    /** Samples now held (selected, or kept in a result); fails once they exceed the limit. */
    public void hold(long samples) {
        heldSamples += samples;
        if (heldSamples > limits.maxSamples()) {
            throw new PromqlException("query processing would load too many samples into memory in query execution");
        }
    }

    public long heldSamples() {
        return heldSamples;
    }

    /** Back to an earlier count, once what a range query's step selected is no longer needed. */
    public void releaseTo(long heldSamples) {
        this.heldSamples = heldSamples;
    }

    public void checkSeries(int series) {
        if (series > limits.maxSeriesPerResult()) {
            throw new PromqlException("query result would have too many series: more than " + limits.maxSeriesPerResult()
                    + " (the series per result limit)");
        }
    }

    public void checkResult(Value value) {
        if (value instanceof Value.InstantVector vector) {
            checkSeries(vector.samples().size());
        } else if (value instanceof Value.RangeVector range) {
            checkSeries(range.series().size());
        }
    }
}
