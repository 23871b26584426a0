package io.quayside.functions.promql;

import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Series held in memory, sorted by labels as Prometheus' index returns them. */
public final class InMemorySeriesSource implements SeriesSource {
    private final Map<Labels, SampleList> series = new TreeMap<>();

    public void add(Sample sample) {
        series.computeIfAbsent(sample.labels(), l -> new SampleList()).add(sample.timestampMs(), sample.value());
    }

    public void clear() {
        series.clear();
    }

    @Override
    public List<Series> select(List<LabelMatcher> matchers, long minTimeMs, long maxTimeMs) {
        List<Series> out = new ArrayList<>();
        series.forEach((labels, samples) -> {
            if (LabelMatcher.matchAll(matchers, labels)) {
                Series window = samples.window(labels, minTimeMs, maxTimeMs);
                if (!window.isEmpty()) {
                    out.add(window);
                }
            }
        });
        return out;
    }

    private static final class SampleList {
        private long[] timestamps = new long[8];
        private double[] values = new double[8];
        private int size;

        /** Keeps time order whatever the arrival order; a repeated timestamp replaces the value. */
        void add(long timestampMs, double value) {
            int index = Arrays.binarySearch(timestamps, 0, size, timestampMs);
            if (index >= 0) {
                values[index] = value;
                return;
            }
            int at = -index - 1;
            if (size == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            System.arraycopy(timestamps, at, timestamps, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
            timestamps[at] = timestampMs;
            values[at] = value;
            size++;
        }

        Series window(Labels labels, long minTimeMs, long maxTimeMs) {
            int from = firstIndexAtOrAfter(minTimeMs);
            int to = firstIndexAtOrAfter(maxTimeMs == Long.MAX_VALUE ? maxTimeMs : maxTimeMs + 1);
            return new Series(labels, Arrays.copyOfRange(timestamps, from, to), Arrays.copyOfRange(values, from, to));
        }

        private int firstIndexAtOrAfter(long t) {
            int index = Arrays.binarySearch(timestamps, 0, size, t);
            return index >= 0 ? index : -index - 1;
        }
    }
}
