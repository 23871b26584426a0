package io.quayside.model.codec;

/**
 * Values as short decimals where that is exact. Most metric values are integers or short decimals
 * (bytes, counts, seconds from a nanosecond clock), so a value v is written as one varint
 * {@code zigzag(m) << 4 | c} with {@code v == m / 10^c} bit for bit, {@code 0 <= c <= 9} and
 * {@code |m| <= 2^53}. Anything else (NaN payloads such as the stale marker, infinities, -0.0,
 * binary fractions) is the tag {@value #RAW} followed by the 8 IEEE bytes.
 */
final class CompactDouble {
    static final int RAW = 15;
    private static final int MAX_DECIMALS = 9;
    /** Every integer up to 2^53 is a double, so m converts exactly and m / 10^c is one correctly rounded division. */
    private static final double MAX_MANTISSA = 0x1p53;
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private CompactDouble() {
    }

    static void write(ByteWriter out, double value) {
        long code = code(value);
        out.writeVarint(code);
        if (code == RAW) {
            out.writeLong(Double.doubleToRawLongBits(value));
        }
    }

    /** The varint for a value, or {@link #RAW} when no decimal form reproduces its bits. */
    static long code(double value) {
        long bits = Double.doubleToRawLongBits(value);
        // Also refuses NaN and infinities: they compare false.
        if (!(Math.abs(value) <= MAX_MANTISSA)) {
            return RAW;
        }
        for (int c = 0; c <= MAX_DECIMALS; c++) {
            double scaled = value * POW10[c];
            if (!(Math.abs(scaled) <= MAX_MANTISSA)) {
                return RAW;
            }
            long m = Math.round(scaled);
            double back = c == 0 ? (double) m : m / POW10[c];
            if (Double.doubleToRawLongBits(back) == bits) {
                return (m << 1 ^ m >> 63) << 4 | c;
            }
        }
        return RAW;
    }

    static double read(ByteReader in, int sample) {
        int offset = in.position();
        long code = in.readVarint("value of sample", sample);
        int c = (int) code & 0xF;
        if (c <= MAX_DECIMALS) {
            long z = code >>> 4;
            long m = (z >>> 1) ^ -(z & 1);
            if (Math.abs(m) > (long) MAX_MANTISSA) {
                throw new BatchFormatException("value of sample " + sample + " at offset " + offset
                        + ": decimal mantissa " + m + " exceeds 2^53");
            }
            return c == 0 ? (double) m : m / POW10[c];
        }
        if (code == RAW) {
            return Double.longBitsToDouble(in.readLong("value of sample", sample));
        }
        throw new BatchFormatException("value of sample " + sample + " at offset " + offset + ": unknown value code 0x"
                + Long.toHexString(code) + " (low 4 bits 0-9 give decimals, the code 15 alone a raw double)");
    }
}
