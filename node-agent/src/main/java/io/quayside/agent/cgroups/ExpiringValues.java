package io.quayside.agent.cgroups;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Values remembered for a while, per key (a cgroup file or directory), shared by the sampling
 * threads. A value older than the time to live is gone, and every time to live the old ones are
 * dropped, so the entries of removed containers do not pile up.
 */
public final class ExpiringValues<V> {
    private record Entry<V>(V value, long storedAt) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long timeToLiveNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong lastPurge;

    /** @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
    public ExpiringValues(Duration timeToLive, LongSupplier nanoClock) {
        this.timeToLiveNanos = timeToLive.toNanos();
        this.nanoClock = nanoClock;
        this.lastPurge = new AtomicLong(nanoClock.getAsLong());
    }

    /** The value stored for a key less than the time to live ago; null otherwise. */
    public V get(String key) {
        Entry<V> entry = entries.get(key);
        return entry != null && !expired(entry, nanoClock.getAsLong()) ? entry.value() : null;
    }

    public void put(String key, V value) {
        long now = nanoClock.getAsLong();
        entries.put(key, new Entry<>(value, now));
        long last = lastPurge.get();
        if (now - last >= timeToLiveNanos && lastPurge.compareAndSet(last, now)) {
            entries.values().removeIf(entry -> expired(entry, now));
        }
    }

    public void remove(String key) {
        entries.remove(key);
    }

    private boolean expired(Entry<V> entry, long now) {
        return now - entry.storedAt() >= timeToLiveNanos;
    }
}
