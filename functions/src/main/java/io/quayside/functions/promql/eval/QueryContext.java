package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.SeriesSource;

/**
 * What stays fixed while one query evaluates: the data, the query's own start, end and step
 * (for {@code @ start()}, {@code step()}, ...), the lookback for instant selectors, the annotations,
 * and the budget that its limits are counted in.
 */
public record QueryContext(SeriesSource source, long startMs, long endMs, long stepMs, long lookbackMs,
                           long defaultSubqueryStepMs, Annotations annotations, QueryBudget budget) {
}
