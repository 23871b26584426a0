package io.quayside.functions.promql;

import io.quayside.model.Labels;

/** A series' float samples in time order: parallel arrays, as a window can hold thousands. */
public record Series(Labels labels, long[] timestamps, double[] values) {
    public int size() {
        return timestamps.length;
    }

    public boolean isEmpty() {
        return timestamps.length == 0;
    }
}
