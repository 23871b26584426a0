package io.quayside.model.exposition;

import io.quayside.model.MetricFamily;

import java.util.List;

/**
 * One metric family as exposed: metadata and samples in the order written.
 *
 * @param name    the family name as in its metadata lines; an OpenMetrics counter {@code foo} has samples {@code foo_total}
 * @param help    empty when not given
 * @param unit    empty when not given (Prometheus text has no units)
 * @param format  the format it was read from, which decides how sample names extend the family name
 */
public record ScrapedFamily(String name, FamilyType type, String help, String unit, List<ScrapedSample> samples,
                            ExpositionFormat format) {
    public ScrapedFamily {
        samples = List.copyOf(samples);
    }

    /**
     * Quayside's metadata for the family, named like its main series as Prometheus text would name
     * it: an OpenMetrics counter {@code foo} becomes {@code foo_total}, an info {@code foo} becomes {@code foo_info}.
     */
    public MetricFamily metricFamily() {
        String seriesName = switch (type) {
            case COUNTER -> format == ExpositionFormat.OPENMETRICS ? name + "_total" : name;
            case INFO -> name + "_info";
            default -> name;
        };
        return new MetricFamily(seriesName, type.metricType(), help);
    }
}
