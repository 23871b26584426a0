package io.quayside.functions.store.dynamodb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A node's latest samples as this instance last read them, served again for a short while: a
 * listing of a tenant's containers asks for each container's node, and a node's item holds them
 * all, so without this a 100-container node would be read 100 times a listing. What this instance
 * writes to a node is forgotten at once; what other instances write shows after {@code reuseNanos}.
 * Bounded by forgetting everything at once when full.
 */
final class RecentNodeReads {
    private static final int MAX_NODES = 10_000;

    private record Read(NodeSamples samples, long atNanos) {
    }

    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    private final long reuseNanos;
    private final LongSupplier nanoTime;

    RecentNodeReads(long reuseNanos, LongSupplier nanoTime) {
        this.reuseNanos = reuseNanos;
        this.nanoTime = nanoTime;
    }

    NodeSamples get(String tenant, String node, Supplier<NodeSamples> read) {
        String key = tenant + "/" + node;
        long now = nanoTime.getAsLong();
        Read recent = reads.get(key);
        if (recent != null && now - recent.atNanos() < reuseNanos) {
            return recent.samples();
        }
        if (reads.size() >= MAX_NODES) {
            reads.clear();
        }
        NodeSamples samples = read.get();
        reads.put(key, new Read(samples, now));
        return samples;
    }

    void forget(String tenant, String node) {
        reads.remove(tenant + "/" + node);
    }
}
