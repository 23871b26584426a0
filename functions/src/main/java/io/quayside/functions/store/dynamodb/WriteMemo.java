package io.quayside.functions.store.dynamodb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this instance last wrote under each key, so that a write repeating it can be left out.
 * Bounded by forgetting everything at once when full: the next writes then simply happen again.
 */
final class WriteMemo<V> {
    private static final int MAX_KEYS = 100_000;

    private final Map<String, V> written = new ConcurrentHashMap<>();

    V lastWritten(String key) {
        return written.get(key);
    }

    void wrote(String key, V value) {
        if (written.size() >= MAX_KEYS) {
            written.clear();
        }
        written.put(key, value);
    }
}
