package io.quayside.model;

import java.util.Locale;

/** The metric types of the Prometheus exposition formats. */
public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM, SUMMARY, UNTYPED;

    /** The word used in {@code # TYPE} lines. */
    public String exposition() {
        return name().toLowerCase(Locale.ROOT);
    }
}
