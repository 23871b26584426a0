package io.quayside.model.codec;

import java.nio.charset.StandardCharsets;

/**
 * A bounded cursor over a byte array. Every read checks the bound and fails with a
 * {@link BatchFormatException} naming the field ({@code what}, plus an index when {@code index >= 0})
 * and the offset, so hostile or damaged input never surfaces as an index or allocation error.
 * Offsets are positions in the array: the encoded input, or the inflated body.
 */
final class ByteReader {
    private final byte[] buffer;
    private final int limit;
    private int position;

    ByteReader(byte[] buffer, int offset, int limit) {
        this.buffer = buffer;
        this.position = offset;
        this.limit = limit;
    }

    int position() {
        return position;
    }

    int remaining() {
        return limit - position;
    }

    int readByte(String what, int index) {
        if (position == limit) {
            throw truncated(1, what, index);
        }
        return buffer[position++] & 0xFF;
    }

    long readVarint(String what, int index) {
        int p = position;
        if (p < limit && buffer[p] >= 0) {
            position = p + 1;
            return buffer[p];
        }
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p == limit) {
                throw new BatchFormatException("truncated: needed more than " + (limit - position) + " bytes for "
                        + describe(what, index) + " at offset " + position + ", " + (limit - position) + " left");
            }
            byte b = buffer[p++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                if (shift == 63 && b > 1) {
                    throw new BatchFormatException("varint overflows 64 bits for " + describe(what, index)
                            + " at offset " + position);
                }
                position = p;
                return result;
            }
        }
        throw new BatchFormatException("varint longer than 10 bytes for " + describe(what, index) + " at offset " + position);
    }

    long readZigZag(String what, int index) {
        long v = readVarint(what, index);
        return (v >>> 1) ^ -(v & 1);
    }

    /** Eight bytes, big-endian. */
    long readLong(String what, int index) {
        if (limit - position < 8) {
            throw truncated(8, what, index);
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buffer[position++] & 0xFF);
        }
        return v;
    }

    /** A count of items that each take at least {@code minBytesEach}: a count the rest cannot hold is refused before anyone allocates for it. */
    int readCount(String what, int minBytesEach) {
        int offset = position;
        long count = readVarint(what, -1);
        if (count < 0 || count > (long) remaining() / minBytesEach) {
            throw new BatchFormatException("truncated: " + what + " " + Long.toUnsignedString(count) + " at offset " + offset
                    + " needs at least " + minBytesEach + " bytes each, " + remaining() + " left");
        }
        return (int) count;
    }

    String readUtf8(String what, int index) {
        int offset = position;
        long length = readVarint(what, index);
        if (length < 0 || length > remaining()) {
            throw new BatchFormatException("truncated: needed " + Long.toUnsignedString(length) + " bytes for "
                    + describe(what, index) + " at offset " + offset + ", " + remaining() + " left");
        }
        String s = new String(buffer, position, (int) length, StandardCharsets.UTF_8);
        position += (int) length;
        return s;
    }

    private BatchFormatException truncated(int needed, String what, int index) {
        return new BatchFormatException("truncated: needed " + needed + " bytes for " + describe(what, index)
                + " at offset " + position + ", " + remaining() + " left");
    }

    static String describe(String what, int index) {
        return index < 0 ? what : what + " " + index;
    }
}
