package io.quayside.functions.store.embedded;

import io.quayside.functions.store.SeenBatches;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The batch-id ledger of embedded mode, in memory: at most {@code maxIds} ids, each for the
 * retention. Not persisted, because a restart forgetting it costs little here: the agent posts
 * over HTTP and only resends a batch it got no answer for, and a resent batch changes neither the
 * latest samples (newer wins) nor the windows (a repeated sample is not appended again).
 */
public final class EmbeddedSeenBatches implements SeenBatches {
    private final Duration retention;
    private final int maxIds;
    private final Clock clock;
    /** In the order remembered, so the oldest are the first to go. */
    private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

    public EmbeddedSeenBatches(Duration retention, int maxIds, Clock clock) {
        if (retention.isNegative() || retention.isZero() || maxIds <= 0) {
            throw new IllegalArgumentException("seen batches need a positive retention and size: " + retention + ", " + maxIds);
        }
        this.retention = retention;
        this.maxIds = maxIds;
        this.clock = clock;
    }

    @Override
    public synchronized boolean seen(String tenant, String batchId) {
        Instant expiry = expiries.get(key(tenant, batchId));
        return expiry != null && expiry.isAfter(clock.instant());
    }

    @Override
    public synchronized void remember(String tenant, String batchId, Instant at) {
        String key = key(tenant, batchId);
        expiries.remove(key);
        expiries.put(key, at.plus(retention));
        forgetExpired();
        while (expiries.size() > maxIds) {
            expiries.remove(expiries.keySet().iterator().next());
        }
    }

    /** Stops at the first id still kept: ids are remembered in about the order they expire. */
    private void forgetExpired() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Instant>> oldest = expiries.entrySet().iterator(); oldest.hasNext(); ) {
            if (oldest.next().getValue().isAfter(now)) {
                return;
            }
            oldest.remove();
        }
    }

    /** Tenant names hold no '/', so the key is unambiguous. */
    private static String key(String tenant, String batchId) {
        return tenant + "/" + batchId;
    }

    synchronized int size() {
        return expiries.size();
    }
}
