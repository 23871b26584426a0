package io.quayside.functions.store.embedded;

import io.quayside.functions.promql.Series;
import io.quayside.model.Labels;

import java.util.Arrays;

/**
 * One series' recent samples in time order: a ring of at most {@code capacity} samples that grows
 * as needed, from which samples older than the retention are cut. Not thread-safe.
 */
final class SeriesWindow {
    private final int capacity;
    private long[] timestamps = new long[8];
    private double[] values = new double[8];
    private int head;
    private int size;

    SeriesWindow(int capacity) {
        this.capacity = capacity;
    }

    enum Append { APPENDED, REPEATED, OUT_OF_ORDER }

    /** Appends after the newest sample; when full, the oldest makes room. */
    Append append(long timestampMs, double value) {
        if (size > 0) {
            long newest = timestamps[index(size - 1)];
            if (timestampMs < newest) {
                return Append.OUT_OF_ORDER;
            }
            if (timestampMs == newest) {
                return Double.doubleToRawLongBits(values[index(size - 1)]) == Double.doubleToRawLongBits(value)
                        ? Append.REPEATED : Append.OUT_OF_ORDER;
            }
        }
        if (size == capacity) {
            head = index(1);
            size--;
        } else if (size == timestamps.length) {
            grow();
        }
        timestamps[index(size)] = timestampMs;
        values[index(size)] = value;
        size++;
        return Append.APPENDED;
    }

    /** Drops samples at or before {@code cutoffMs}; true when the window is then empty. */
    boolean evictUpTo(long cutoffMs) {
        while (size > 0 && timestamps[head] <= cutoffMs) {
            head = index(1);
            size--;
        }
        return size == 0;
    }

    /** The samples in {@code [minTimeMs, maxTimeMs]}, copied. */
    Series slice(Labels labels, long minTimeMs, long maxTimeMs) {
        int from = countBefore(minTimeMs, false);
        int to = countBefore(maxTimeMs, true);
        int n = Math.max(0, to - from);
        long[] ts = new long[n];
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = timestamps[index(from + i)];
            vs[i] = values[index(from + i)];
        }
        return new Series(labels, ts, vs);
    }

    int size() {
        return size;
    }

    /** How many samples lie before {@code timeMs} (or at it too, when {@code inclusive}). */
    private int countBefore(long timeMs, boolean inclusive) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            long t = timestamps[index(mid)];
            if (t < timeMs || (inclusive && t == timeMs)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int index(int position) {
        return (head + position) % timestamps.length;
    }

    private void grow() {
        int length = Math.min(capacity, timestamps.length * 2);
        long[] ts = new long[length];
        double[] vs = new double[length];
        for (int i = 0; i < size; i++) {
            ts[i] = timestamps[index(i)];
            vs[i] = values[index(i)];
        }
        timestamps = ts;
        values = vs;
        head = 0;
    }
}
