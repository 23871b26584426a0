package io.quayside.model.codec;

import io.quayside.model.Labels;

/** Reads the label-set deltas written by {@link LabelSetWriter}. */
final class LabelSetReader {
    private final DecodedDictionary dictionary;
    private Labels previous = Labels.EMPTY;
    private String[] previousPairs = new String[0];

    LabelSetReader(DecodedDictionary dictionary) {
        this.dictionary = dictionary;
    }

    Labels read(ByteReader in, int sample) {
        int offset = in.position();
        long head = in.readVarint("label set of sample", sample);
        String[] pairs;
        if ((head & 1) == 0) {
            long mask = head >>> 1;
            if (mask == 0) {
                return previous;
            }
            int size = previousPairs.length / 2;
            if (size < LabelSetWriter.MAX_DELTA_LABELS && mask >>> size != 0) {
                throw new BatchFormatException("label set of sample " + sample + " at offset " + offset + " changes label "
                        + (63 - Long.numberOfLeadingZeros(mask)) + " but the previous set has " + size + " labels");
            }
            pairs = previousPairs.clone();
            for (; mask != 0; mask &= mask - 1) {
                pairs[2 * Long.numberOfTrailingZeros(mask) + 1] = dictionary.string(in, "label value of sample", sample);
            }
        } else {
            long count = head >>> 1;
            // Each label takes at least two bytes: its name ref and its value ref.
            if (count > in.remaining() / 2) {
                throw new BatchFormatException("truncated: label set of sample " + sample + " at offset " + offset
                        + " has " + count + " labels, " + in.remaining() + " bytes left");
            }
            pairs = new String[2 * (int) count];
            for (int i = 0; i < pairs.length; i += 2) {
                pairs[i] = dictionary.labelName(in, sample);
                pairs[i + 1] = dictionary.string(in, "label value of sample", sample);
            }
        }
        try {
            previous = Labels.ofSortedPairs(pairs);
        } catch (IllegalArgumentException e) {
            throw new BatchFormatException("label set of sample " + sample + " at offset " + offset + ": " + e.getMessage(), e);
        }
        previousPairs = pairs;
        return previous;
    }
}
