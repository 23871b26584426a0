package io.quayside.model.codec;

import io.quayside.model.SampleBatch;

import java.util.Objects;

/**
 * The versioned binary form of a {@link SampleBatch}, as agents send it ({@value #MEDIA_TYPE}).
 * The format is described in the {@linkplain io.quayside.model.codec package documentation}.
 *
 * <p>Decoding trusts nothing: sizes are checked against {@link Limits} before anything is
 * allocated for them, and every kind of damage is reported as a {@link BatchFormatException} that
 * says what is wrong and where. Instances hold no mutable state and may be shared between threads.
 */
public final class SampleBatchCodec {
    public static final String MEDIA_TYPE = "application/vnd.quayside.batch";

    private static final int VERSION = 1;
    private static final int FLAG_DEFLATE = 1;
    private static final byte[] MAGIC = {'Q', 'S', 'B'};
    private static final int HEADER_LENGTH = MAGIC.length + 2;

    private final Limits limits;

    public SampleBatchCodec() {
        this(Limits.defaults());
    }

    public SampleBatchCodec(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The batch, deflated. */
    public byte[] encode(SampleBatch batch) {
        return encode(batch, true);
    }

    public byte[] encode(SampleBatch batch, boolean compress) {
        Objects.requireNonNull(batch, "batch");
        ByteWriter out = new ByteWriter(HEADER_LENGTH + 64 * batch.families().size() + 16 * batch.samples().size());
        out.writeBytes(MAGIC);
        out.writeByte(VERSION);
        out.writeByte(compress ? FLAG_DEFLATE : 0);
        BatchBody.write(batch, out);
        return compress ? BodyCompression.deflate(out, HEADER_LENGTH) : out.toByteArray();
    }

    public SampleBatch decode(byte[] bytes) throws BatchFormatException {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > limits.maxEncodedBytes()) {
            throw new BatchFormatException("batch of " + bytes.length + " bytes exceeds the limit of " + limits.maxEncodedBytes());
        }
        for (int i = 0; i < Math.min(bytes.length, MAGIC.length); i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new BatchFormatException("not a Quayside batch: bad magic");
            }
        }
        if (bytes.length < HEADER_LENGTH) {
            throw new BatchFormatException("truncated: needed " + HEADER_LENGTH + " bytes for the header at offset 0, "
                    + bytes.length + " left");
        }
        int version = bytes[3] & 0xFF;
        if (version != VERSION) {
            throw new BatchFormatException("unknown version " + version + " (this build reads version " + VERSION + ")");
        }
        int flags = bytes[4] & 0xFF;
        if ((flags & ~FLAG_DEFLATE) != 0) {
            throw new BatchFormatException("unknown flags 0x" + Integer.toHexString(flags)
                    + " (this build knows 0x1, deflate)");
        }
        ByteReader body;
        if ((flags & FLAG_DEFLATE) != 0) {
            body = BodyCompression.inflate(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, limits.maxBodyBytes());
        } else if (bytes.length - HEADER_LENGTH > limits.maxBodyBytes()) {
            throw new BatchFormatException("body of " + (bytes.length - HEADER_LENGTH) + " bytes exceeds the limit of "
                    + limits.maxBodyBytes());
        } else {
            body = new ByteReader(bytes, HEADER_LENGTH, bytes.length);
        }
        return BatchBody.read(body, limits.maxSamples());
    }

    /**
     * What a decoder accepts.
     *
     * @param maxEncodedBytes size of the encoded batch, checked before anything else
     * @param maxBodyBytes    size of the body after inflating, checked while inflating
     * @param maxSamples      samples in one batch, checked before allocating for them
     */
    public record Limits(int maxEncodedBytes, int maxBodyBytes, int maxSamples) {
        public Limits {
            if (maxEncodedBytes <= 0 || maxBodyBytes <= 0 || maxSamples <= 0) {
                throw new IllegalArgumentException("limits must be positive: " + maxEncodedBytes + ", " + maxBodyBytes
                        + ", " + maxSamples);
            }
        }

        /** 16 MiB encoded, 64 MiB inflated, a million samples. */
        public static Limits defaults() {
            return new Limits(16 << 20, 64 << 20, 1_000_000);
        }
    }
}
