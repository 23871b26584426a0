package io.quayside.model;

import java.util.Objects;

/**
 * One value of one series at one time.
 *
 * @param labels      the series, with its metric name in {@code __name__}
 * @param value       the value; {@link #STALE_NAN} marks the end of a series, as in Prometheus
 * @param timestampMs milliseconds since the epoch
 */
public record Sample(Labels labels, double value, long timestampMs) {
    /** Prometheus' staleness marker: a NaN with a payload no computation produces. */
    public static final long STALE_NAN_BITS = 0x7ff0000000000002L;
    public static final double STALE_NAN = Double.longBitsToDouble(STALE_NAN_BITS);

    public Sample {
        Objects.requireNonNull(labels, "labels");
    }

    public String metricName() {
        return labels.metricName();
    }

    public boolean isStale() {
        return Double.doubleToRawLongBits(value) == STALE_NAN_BITS;
    }

    /** Compares values bit for bit, so NaN payloads (stale markers) count, as the codec keeps them. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Sample other
                && timestampMs == other.timestampMs
                && Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(other.value)
                && labels.equals(other.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, Double.doubleToRawLongBits(value), timestampMs);
    }
}
