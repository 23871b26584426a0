package io.quayside.functions.discover;

import java.time.Duration;

/**
 * @param tombstoneTtl how long a destroyed container's late events are refused; EventBridge retries
 *                     a delivery for up to 24 hours, so the default covers that
 * @param staleAfter   how long a container may go unheard of before it counts as stale; the default
 *                     is Prometheus' staleness lookback
 * @param dns          how containers are named
 */
public record DiscoverySettings(Duration tombstoneTtl, Duration staleAfter, DnsNames dns) {

    public DiscoverySettings {
        if (tombstoneTtl.isNegative() || tombstoneTtl.isZero() || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("tombstone TTL and staleness time must be positive");
        }
    }

    public static DiscoverySettings defaults() {
        return new DiscoverySettings(Duration.ofHours(24), Duration.ofMinutes(5), DnsNames.defaults());
    }
}
