package io.quayside.model.exposition;

import io.quayside.model.Labels;

/**
 * A traced example behind a counter or bucket value, kept so that a trace id can follow the sample.
 *
 * @param timestampMs milliseconds since the epoch, or {@link ScrapedSample#NO_TIMESTAMP}
 */
public record Exemplar(Labels labels, double value, long timestampMs) {
}
