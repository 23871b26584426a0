package io.quayside.model.codec;

/**
 * Decoder side of the batch's string dictionary. Samples reference these strings instead of
 * allocating their own; strings used as label names are interned on first use, as
 * {@link io.quayside.model.Labels} expects, so only the few dozen names pay for interning.
 */
final class DecodedDictionary {
    private final String[] strings;
    private final boolean[] interned;

    private DecodedDictionary(String[] strings) {
        this.strings = strings;
        this.interned = new boolean[strings.length];
    }

    static DecodedDictionary read(ByteReader in) {
        // Each string takes at least its length byte.
        String[] strings = new String[in.readCount("dictionary size", 1)];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = in.readUtf8("dictionary string", i);
        }
        return new DecodedDictionary(strings);
    }

    String string(ByteReader in, String what, int index) {
        return strings[ref(in, what, index)];
    }

    String labelName(ByteReader in, int sample) {
        int offset = in.position();
        int ref = ref(in, "label name of sample", sample);
        if (!interned[ref]) {
            if (strings[ref].isEmpty()) {
                throw new BatchFormatException("empty label name in sample " + sample + " at offset " + offset);
            }
            strings[ref] = strings[ref].intern();
            interned[ref] = true;
        }
        return strings[ref];
    }

    private int ref(ByteReader in, String what, int index) {
        int offset = in.position();
        long ref = in.readVarint(what, index);
        if (ref < 0 || ref >= strings.length) {
            throw new BatchFormatException("dictionary index " + Long.toUnsignedString(ref) + " out of range (size "
                    + strings.length + ") for " + ByteReader.describe(what, index) + " at offset " + offset);
        }
        return (int) ref;
    }
}
