package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.Series;
import io.quayside.model.Labels;

import java.util.Arrays;

/** Appends samples of one series in time order. */
public final class SeriesBuilder {
    private final Labels labels;
    private long[] timestamps = new long[4];
    private double[] values = new double[4];
    private int size;

    public SeriesBuilder(Labels labels) {
        this.labels = labels;
    }

    public void add(long timestampMs, double value) {
        if (size == timestamps.length) {
            timestamps = Arrays.copyOf(timestamps, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        timestamps[size] = timestampMs;
        values[size++] = value;
    }

    public Series build() {
        return new Series(labels, Arrays.copyOf(timestamps, size), Arrays.copyOf(values, size));
    }
}
