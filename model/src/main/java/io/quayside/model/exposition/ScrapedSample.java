package io.quayside.model.exposition;

import io.quayside.model.Labels;
import io.quayside.model.Sample;

/**
 * One sample line as an application exposed it.
 *
 * @param labels      the series, with its metric name in {@code __name__}
 * @param timestampMs milliseconds since the epoch (OpenMetrics seconds converted, rounded to the
 *                    millisecond and saturated), or {@link #NO_TIMESTAMP}
 * @param exemplar    null when the line has none
 */
public record ScrapedSample(Labels labels, double value, long timestampMs, Exemplar exemplar) {
    /** Most samples carry no time: the scraper gives them the scrape's. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    public String metricName() {
        return labels.metricName();
    }

    public boolean hasTimestamp() {
        return timestampMs != NO_TIMESTAMP;
    }

    /** A Quayside sample, timed by the exposition when it says, else at the scrape. */
    public Sample toSample(long scrapeTimeMs) {
        return new Sample(labels, value, hasTimestamp() ? timestampMs : scrapeTimeMs);
    }
}
