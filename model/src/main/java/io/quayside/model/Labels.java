package io.quayside.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable label set, sorted by name. Names are interned: a node sends the same few dozen
 * names millions of times, so they are kept once per process and compared by identity first.
 */
public final class Labels implements Comparable<Labels> {
    /** The label that holds the metric name, as in Prometheus. */
    public static final String METRIC_NAME = "__name__";
    public static final Labels EMPTY = new Labels(new String[0]);

    /** Alternating name, value; names strictly ascending. */
    private final String[] pairs;
    private int hash;

    private Labels(String[] pairs) {
        this.pairs = pairs;
    }

    /** Labels from alternating names and values, in any order; a repeated name is an error. */
    public static Labels of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels need name/value pairs, got an odd count: " + namesAndValues.length);
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    @JsonCreator
    public static Labels fromMap(Map<String, String> labels) {
        Builder builder = builder();
        labels.forEach(builder::add);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return pairs.length / 2;
    }

    public String name(int index) {
        return pairs[2 * index];
    }

    public String value(int index) {
        return pairs[2 * index + 1];
    }

    /** The value of a label, or null when the set has no such label. */
    public String get(String name) {
        int index = indexOf(name);
        return index < 0 ? null : pairs[2 * index + 1];
    }

    /** The metric name ({@code __name__}), or null. */
    public String metricName() {
        return get(METRIC_NAME);
    }

    /** A copy with one label set to a value (added, or replaced). */
    public Labels with(String name, String value) {
        return toBuilder().add(name, value).build();
    }

    /** A copy without the named label. */
    public Labels without(String name) {
        int index = indexOf(name);
        if (index < 0) {
            return this;
        }
        String[] copy = new String[pairs.length - 2];
        System.arraycopy(pairs, 0, copy, 0, 2 * index);
        System.arraycopy(pairs, 2 * index + 2, copy, 2 * index, pairs.length - 2 * index - 2);
        return new Labels(copy);
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        for (int i = 0; i < pairs.length; i += 2) {
            builder.map.put(pairs[i], pairs[i + 1]);
        }
        return builder;
    }

    @JsonValue
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private int indexOf(String name) {
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = pairs[2 * mid].compareTo(name);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    @Override
    public int compareTo(Labels other) {
        int n = Math.min(pairs.length, other.pairs.length);
        for (int i = 0; i < n; i++) {
            int cmp = pairs[i].compareTo(other.pairs[i]);
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(pairs.length, other.pairs.length);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Labels other && hashCode() == other.hashCode() && Arrays.equals(pairs, other.pairs));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(pairs);
            hash = h;
        }
        return h;
    }

    /** Prometheus selector form: {@code {a="1", b="2"}}, with values escaped. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(pairs[i]).append("=\"");
            Escaping.labelValue(pairs[i + 1], out);
            out.append('"');
        }
        return out.append('}').toString();
    }

    /** Collects labels; the last value given for a name wins. */
    public static final class Builder {
        private final TreeMap<String, String> map = new TreeMap<>();

        public Builder add(String name, String value) {
            Objects.requireNonNull(value, () -> "label " + name + " has no value");
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a label name must not be empty");
            }
            map.put(name, value);
            return this;
        }

        public Builder remove(String name) {
            map.remove(name);
            return this;
        }

        public Labels build() {
            if (map.isEmpty()) {
                return EMPTY;
            }
            String[] pairs = new String[map.size() * 2];
            int i = 0;
            for (Map.Entry<String, String> entry : map.entrySet()) {
                pairs[i++] = entry.getKey().intern();
                pairs[i++] = entry.getValue();
            }
            return new Labels(pairs);
        }
    }

    /**
     * For decoders that already hold alternating names and values with sorted, distinct, interned
     * names: checks the order but does not copy or re-sort. The array must not change afterwards.
     */
    public static Labels ofSortedPairs(String[] pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels need name/value pairs, got an odd count: " + pairs.length);
        }
        for (int i = 2; i < pairs.length; i += 2) {
            if (pairs[i - 2].compareTo(pairs[i]) >= 0) {
                throw new IllegalArgumentException("label names not sorted or repeated: " + pairs[i - 2] + ", " + pairs[i]);
            }
        }
        return new Labels(pairs);
    }
}
