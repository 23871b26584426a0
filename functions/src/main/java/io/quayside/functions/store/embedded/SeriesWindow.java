package io.quayside.functions.store.embedded;

import io.quayside.functions.promql.Series;
import io.quayside.model.Labels;

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
        int n = Math.max(0, countBefore(maxTimeMs, true) - from);
        long[] ts = new long[n];
        double[] vs = new double[n];
        copy(from, n, ts, vs);
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

    /** Positions never exceed the length, so one subtraction wraps them; cheaper than {@code %} in searches. */
    private int index(int position) {
        int i = head + position;
        return i < timestamps.length ? i : i - timestamps.length;
    }

    /** Copies {@code n} samples from {@code from} on into the start of {@code ts} and {@code vs}, in at most two runs. */
    private void copy(int from, int n, long[] ts, double[] vs) {
        int start = index(from);
        int firstRun = Math.min(n, timestamps.length - start);
        System.arraycopy(timestamps, start, ts, 0, firstRun);
        System.arraycopy(values, start, vs, 0, firstRun);
        System.arraycopy(timestamps, 0, ts, firstRun, n - firstRun);
        System.arraycopy(values, 0, vs, firstRun, n - firstRun);
    }

    private void grow() {
        int length = Math.min(capacity, timestamps.length * 2);
        long[] ts = new long[length];
        double[] vs = new double[length];
        copy(0, size, ts, vs);
        timestamps = ts;
        values = vs;
        head = 0;
    }
}
