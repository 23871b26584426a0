package io.quayside.model.codec;

import io.quayside.model.Labels;

/**
 * Writes each sample's label set as a delta against the previous sample's. Consecutive samples of
 * a sweep usually share their label names and most values (the metric name, the node, often the
 * container), so the common case is a bit mask of changed values plus one ref per change:
 * <ul>
 *   <li>{@code varint(mask << 1)}: same names as the previous set; bit i of mask means value i
 *       changes, and a value ref follows for each set bit, lowest first. Mask 0 repeats the set.</li>
 *   <li>{@code varint(count << 1 | 1)}: a complete set, {@code count} (name ref, value ref) pairs in
 *       name order.</li>
 * </ul>
 * The previous set before the first sample is the empty set.
 */
final class LabelSetWriter {
    /** The mask has 63 bits; larger sets that keep their names are written complete. */
    static final int MAX_DELTA_LABELS = 63;

    private final StringDictionary dictionary;
    private Labels previous = Labels.EMPTY;
    private int[] previousRefs = new int[16];
    private int[] refs = new int[16];

    LabelSetWriter(StringDictionary dictionary) {
        this.dictionary = dictionary;
    }

    void write(Labels labels, ByteWriter out) {
        int size = labels.size();
        if (refs.length < 2 * size) {
            refs = new int[2 * size];
        }
        boolean sameNames = size == previous.size();
        for (int i = 0; i < size; i++) {
            refs[2 * i] = ref(labels.name(i), i, true);
            refs[2 * i + 1] = ref(labels.value(i), i, false);
            sameNames &= i < previous.size() && refs[2 * i] == previousRefs[2 * i];
        }
        if (sameNames && size <= MAX_DELTA_LABELS) {
            long mask = 0;
            for (int i = 0; i < size; i++) {
                if (refs[2 * i + 1] != previousRefs[2 * i + 1]) {
                    mask |= 1L << i;
                }
            }
            out.writeVarint(mask << 1);
            for (long m = mask; m != 0; m &= m - 1) {
                out.writeVarint(refs[2 * Long.numberOfTrailingZeros(m) + 1]);
            }
        } else {
            out.writeVarint((long) size << 1 | 1);
            for (int i = 0; i < 2 * size; i++) {
                out.writeVarint(refs[i]);
            }
        }
        int[] swap = previousRefs;
        previousRefs = refs;
        refs = swap;
        previous = labels;
    }

    /** Agents reuse their label strings, so a string identical to the previous set's at the same place skips the lookup. */
    private int ref(String s, int index, boolean name) {
        if (index < previous.size() && s == (name ? previous.name(index) : previous.value(index))) {
            return previousRefs[name ? 2 * index : 2 * index + 1];
        }
        return dictionary.ref(s);
    }
}
