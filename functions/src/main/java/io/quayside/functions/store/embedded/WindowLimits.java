package io.quayside.functions.store.embedded;

/**
 * What bounds the memory of series windows.
 *
 * @param retentionMs         how far back a window reaches from now
 * @param maxSamplesPerSeries the oldest samples make room past this
 * @param maxSeriesPerTenant  new series are refused past this
 */
public record WindowLimits(long retentionMs, int maxSamplesPerSeries, int maxSeriesPerTenant) {
    public WindowLimits {
        if (retentionMs <= 0 || maxSamplesPerSeries <= 0 || maxSeriesPerTenant <= 0) {
            throw new IllegalArgumentException("window limits must be positive: retention " + retentionMs
                    + " ms, " + maxSamplesPerSeries + " samples per series, " + maxSeriesPerTenant + " series per tenant");
        }
    }
}
