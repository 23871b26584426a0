package io.quayside.functions.store;

import java.time.Instant;

/**
 * What is left of a destroyed container: events about it that are not newer than its destruction
 * arrive late and must not bring it back, until the tombstone expires.
 *
 * @param destroyedAt the time of the destroy event
 * @param expiresAt   when the registry forgets the tombstone (receipt time plus the configured TTL)
 */
public record Tombstone(String tenant, String containerId, Instant destroyedAt, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
