package io.quayside.functions.promql;

/**
 * What one query may use before it fails with an error rather than exhausting memory.
 *
 * @param maxSamples         samples held in memory at once: loaded by selectors and kept as results of
 *                           a range query's steps (Prometheus' {@code --query.max-samples})
 * @param maxSeriesPerResult series in the query's result
 */
public record QueryLimits(long maxSamples, int maxSeriesPerResult) {
    /** Prometheus' default {@code --query.max-samples}, and a million series per result. */
    public static final QueryLimits DEFAULT = new QueryLimits(50_000_000, 1_000_000);

    public QueryLimits {
        if (maxSamples <= 0 || maxSeriesPerResult <= 0) {
            throw new IllegalArgumentException("query limits must be positive: " + maxSamples + ", " + maxSeriesPerResult);
        }
    }
}
