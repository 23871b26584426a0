package io.quayside.model;

import java.util.Objects;

/**
 * What a metric family is: its type and help text, sent once per batch rather than per sample.
 *
 * @param name the metric name shared by the family's series
 */
public record MetricFamily(String name, MetricType type, String help) {
    public MetricFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        help = help == null ? "" : help;
    }
}
