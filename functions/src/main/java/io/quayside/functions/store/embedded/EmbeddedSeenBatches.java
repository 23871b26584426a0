package io.quayside.functions.store.embedded;

import io.quayside.functions.store.SeenBatches;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The batch ids of one process, in memory: SQS delivers a message again within minutes (visibility
 * timeout, a retried send), so ids are kept for a retention and at most {@code capacity} of them,
 * the oldest forgotten first. Lost on restart, when a repeat is counted twice at worst.
 */
public final class EmbeddedSeenBatches implements SeenBatches {
    private final Clock clock;
    private final Duration retention;
    private final int capacity;
    /** tenant/batch id → when taken in, oldest first. */
    private final LinkedHashMap<String, Instant> taken = new LinkedHashMap<>();

    public EmbeddedSeenBatches(Clock clock, Duration retention, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.clock = clock;
        this.retention = retention;
        this.capacity = capacity;
    }

    @Override
    public synchronized boolean seen(String tenant, String batchId) {
        forgetExpired();
        return taken.containsKey(key(tenant, batchId));
    }

    @Override
    public synchronized void remember(String tenant, String batchId, Instant at) {
        String key = key(tenant, batchId);
        taken.remove(key);
        taken.put(key, at);
        forgetExpired();
        Iterator<String> oldest = taken.keySet().iterator();
        while (taken.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
    }

    private void forgetExpired() {
        Instant cutoff = clock.instant().minus(retention);
        Iterator<Map.Entry<String, Instant>> oldest = taken.entrySet().iterator();
        while (oldest.hasNext() && !oldest.next().getValue().isAfter(cutoff)) {
            oldest.remove();
        }
    }

    private static String key(String tenant, String batchId) {
        return tenant + '/' + batchId;
    }
}
