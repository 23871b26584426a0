package io.quayside.model.codec;

import java.util.Arrays;

/** A growable byte buffer with the primitive encodings of the batch format. */
final class ByteWriter {
    private byte[] buffer;
    private int size;

    ByteWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    /** The backing array; valid up to {@link #size()}. */
    byte[] array() {
        return buffer;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    void writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void writeBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    void write(ByteWriter other) {
        ensure(other.size);
        System.arraycopy(other.buffer, 0, buffer, size, other.size);
        size += other.size;
    }

    /** Unsigned LEB128: 7 bits per byte, low bits first, high bit set on all but the last byte. */
    void writeVarint(long value) {
        ensure(10);
        byte[] b = buffer;
        int p = size;
        while ((value & ~0x7FL) != 0) {
            b[p++] = (byte) (value | 0x80);
            value >>>= 7;
        }
        b[p++] = (byte) value;
        size = p;
    }

    /** Signed values as varints, small magnitudes of either sign in few bytes. */
    void writeZigZag(long value) {
        writeVarint((value << 1) ^ (value >> 63));
    }

    /** Eight bytes, big-endian. */
    void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
