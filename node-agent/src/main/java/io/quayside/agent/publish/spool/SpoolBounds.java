package io.quayside.agent.publish.spool;

import java.time.Duration;

/**
 * How much the spool keeps; past either bound the oldest batches go first.
 *
 * @param maxBytes   the spool files' total size
 * @param maxAge     how long a batch may wait: older data is of little use to alerting and scaling
 */
public record SpoolBounds(long maxBytes, Duration maxAge) {
    public SpoolBounds {
        if (maxBytes <= 0 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("spool bounds must be positive: " + maxBytes + " bytes, " + maxAge);
        }
    }

    /** 256 MiB and 24 hours. */
    public static SpoolBounds defaults() {
        return new SpoolBounds(256L << 20, Duration.ofHours(24));
    }
}
