package io.quayside.model.codec;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Deflate (zlib format, so the body carries an Adler-32 check) for batch bodies, with a bounded inflater. */
final class BodyCompression {
    private BodyCompression() {
    }

    /** The first {@code headerLength} bytes of {@code in} are copied as they are; the rest is deflated after them. */
    static byte[] deflate(ByteWriter in, int headerLength) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            int bodyLength = in.size() - headerLength;
            deflater.setInput(in.array(), headerLength, bodyLength);
            deflater.finish();
            byte[] out = Arrays.copyOf(in.array(), headerLength + bodyLength / 2 + 64);
            int n = headerLength;
            while (!deflater.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, 2 * out.length);
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    /** Inflates {@code length} bytes at {@code offset}; refuses to produce more than {@code maxBodyBytes} (zip bombs). */
    static ByteReader inflate(byte[] in, int offset, int length, int maxBodyBytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in, offset, length);
            long limit = maxBodyBytes + 1L;
            byte[] out = new byte[(int) Math.min(limit, Math.max(4096L, 4L * length))];
            int n = 0;
            while (!inflater.finished()) {
                if (n == out.length) {
                    if (n > maxBodyBytes) {
                        throw new BatchFormatException("body inflates past the limit of " + maxBodyBytes + " bytes");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(limit, 2L * n));
                }
                int inflated = inflater.inflate(out, n, out.length - n);
                n += inflated;
                if (inflated == 0 && !inflater.finished()) {
                    if (inflater.needsInput()) {
                        throw new BatchFormatException("truncated: deflate stream ends early, after " + n
                                + " inflated bytes, at offset " + (offset + length));
                    }
                    throw new BatchFormatException("corrupt deflate stream: "
                            + (inflater.needsDictionary() ? "asks for a preset dictionary" : "makes no progress"));
                }
            }
            if (n > maxBodyBytes) {
                throw new BatchFormatException("body inflates past the limit of " + maxBodyBytes + " bytes");
            }
            if (inflater.getRemaining() > 0) {
                throw new BatchFormatException("trailing garbage: " + inflater.getRemaining()
                        + " bytes after the deflate stream at offset " + (offset + length - inflater.getRemaining()));
            }
            return new ByteReader(out, 0, n);
        } catch (DataFormatException e) {
            throw new BatchFormatException("corrupt deflate stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
