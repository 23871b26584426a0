package io.quayside.model.codec;

import io.quayside.model.Labels;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class SampleBatchCodecRejectionTest {
    private final SampleBatchCodec codec = new SampleBatchCodec();

    @ParameterizedTest(name = "compress={0}")
    @ValueSource(booleans = {true, false})
    void everyProperPrefixIsTruncated(boolean compress) {
        for (long seed = 0; seed < 5; seed++) {
            byte[] encoded = codec.encode(new RandomBatches(seed).next(), compress);
            for (int length = 0; length < encoded.length; length++) {
                byte[] prefix = Arrays.copyOf(encoded, length);
                assertThatThrownBy(() -> codec.decode(prefix))
                        .as("seed %d, prefix of %d of %d bytes", seed, length, encoded.length)
                        .isInstanceOf(BatchFormatException.class)
                        .hasMessageContaining("truncated");
            }
        }
    }

    @Test
    void rejectsWrongMagic() {
        byte[] encoded = codec.encode(smallBatch(3));
        encoded[1] = 'X';
        assertRejected(encoded, "not a Quayside batch: bad magic");
        assertRejected("{\"json\": true}".getBytes(), "bad magic");
        assertRejected(new byte[]{'Q'}, "truncated");
    }

    @Test
    void rejectsUnknownVersion() {
        byte[] encoded = codec.encode(smallBatch(3));
        encoded[3] = 9;
        assertRejected(encoded, "unknown version 9 (this build reads version 1)");
    }

    @Test
    void rejectsUnknownFlags() {
        byte[] encoded = codec.encode(smallBatch(3));
        encoded[4] |= 0x04;
        assertRejected(encoded, "unknown flags 0x5");
    }

    @Test
    void rejectsOversizedInputBeforeLookingAtIt() {
        byte[] encoded = codec.encode(smallBatch(50), false);
        SampleBatchCodec strict = new SampleBatchCodec(new SampleBatchCodec.Limits(100, 1 << 20, 1000));
        assertRejected(strict, encoded, "batch of " + encoded.length + " bytes exceeds the limit of 100");
        byte[] garbage = new byte[101];
        assertRejected(strict, garbage, "exceeds the limit of 100");
    }

    @Test
    void rejectsBodyThatInflatesPastTheLimit() {
        byte[] zeros = new byte[2 << 20];
        Deflater deflater = new Deflater();
        deflater.setInput(zeros);
        deflater.finish();
        byte[] bomb = new byte[64 << 10];
        bomb[0] = 'Q';
        bomb[1] = 'S';
        bomb[2] = 'B';
        bomb[3] = 1;
        bomb[4] = 1;
        int length = 5 + deflater.deflate(bomb, 5, bomb.length - 5);
        assertThat(deflater.finished()).isTrue();
        deflater.end();
        SampleBatchCodec strict = new SampleBatchCodec(new SampleBatchCodec.Limits(1 << 20, 1 << 20, 1000));
        assertRejected(strict, Arrays.copyOf(bomb, length), "body inflates past the limit of 1048576 bytes");
    }

    @Test
    void rejectsUncompressedBodyOverTheLimit() {
        byte[] encoded = codec.encode(smallBatch(50), false);
        SampleBatchCodec strict = new SampleBatchCodec(new SampleBatchCodec.Limits(1 << 20, 100, 1000));
        assertRejected(strict, encoded, "exceeds the limit of 100");
    }

    @Test
    void rejectsSampleCountOverTheLimit() {
        SampleBatchCodec strict = new SampleBatchCodec(new SampleBatchCodec.Limits(1 << 20, 1 << 20, 10));
        assertRejected(strict, codec.encode(smallBatch(20)), "sample count 20");
        assertRejected(strict, codec.encode(smallBatch(20)), "exceeds the limit of 10");
        assertThat(strict.decode(codec.encode(smallBatch(10))).samples()).hasSize(10);
    }

    @Test
    void hostileCountsFailWithoutAllocating() {
        assertRejected(body(w -> w.writeVarint(Integer.MAX_VALUE)), "truncated: dictionary size 2147483647");
        assertRejected(body(w -> w.writeVarint(-1L)), "truncated: dictionary size 18446744073709551615");
        assertRejected(body(w -> {
            dictionary(w, "b", "t", "n", "");
            w.writeBytes(new byte[]{0, 1, 2, 3, 0});
            w.writeVarint(1L << 40);
        }), "truncated: family count 1099511627776");
        assertRejected(body(w -> {
            header(w);
            w.writeVarint(999_999);
        }), "truncated: 999999 samples");
        assertRejected(body(w -> {
            header(w);
            w.writeVarint(Long.MAX_VALUE);
        }), "sample count 9223372036854775807 at offset");
        assertRejected(body(w -> {
            header(w);
            w.writeVarint(1);
            w.writeVarint(1L << 40 | 1);
            w.writeBytes(new byte[4]);
        }), "truncated: label set of sample 0");
        assertRejected(body(w -> {
            w.writeVarint(1);
            w.writeVarint(1L << 33);
        }), "truncated: needed 8589934592 bytes for dictionary string 0");
    }

    @Test
    void rejectsBadDictionaryIndex() {
        assertRejected(body(w -> {
            dictionary(w, "b", "t");
            w.writeVarint(99);
        }), "dictionary index 99 out of range (size 2) for batch id");
        assertRejected(body(w -> {
            header(w);
            w.writeVarint(1);
            w.writeVarint(1 << 1 | 1);
            w.writeVarint(0);
            w.writeVarint(40);
            w.writeVarint(0);
            w.writeVarint(0);
        }), "dictionary index 40 out of range (size 4) for label value of sample 0");
    }

    @Test
    void rejectsDamagedLabelSets() {
        assertRejected(oneSample(w -> {
            w.writeVarint(2 << 1 | 1);
            w.writeVarint(1);
            w.writeVarint(0);
            w.writeVarint(0);
            w.writeVarint(0);
        }), "label names not sorted or repeated: t, b");
        assertRejected(oneSample(w -> {
            w.writeVarint(1 << 1 | 1);
            w.writeVarint(3);
            w.writeVarint(0);
        }), "empty label name in sample 0");
        assertRejected(oneSample(w -> {
            w.writeVarint(0b10 << 1);
            w.writeVarint(0);
        }), "changes label 1 but the previous set has 0 labels");
    }

    @Test
    void rejectsDamagedValuesAndFields() {
        assertRejected(oneValue(12), "value of sample 0 at offset 22: unknown value code 0xc");
        assertRejected(oneValue(15 | 16), "unknown value code 0x1f");
        assertRejected(oneValue((1L << 55) << 4), "decimal mantissa 18014398509481984 exceeds 2^53");
        byte[] tooLong = new byte[11];
        Arrays.fill(tooLong, (byte) 0x80);
        assertRejected(body(w -> w.writeBytes(tooLong)), "varint longer than 10 bytes for dictionary size at offset 5");
        assertRejected(body(w -> {
            w.writeBytes(Arrays.copyOf(tooLong, 9));
            w.writeByte(2);
        }), "varint overflows 64 bits");
        assertRejected(body(w -> {
            dictionary(w, "b", "t", "n", "");
            w.writeBytes(new byte[]{0, 1, 2, 3, 0, 1, 0});
        }), "truncated: family count 1 at offset 18 needs at least 3 bytes each, 1 left");
        assertRejected(body(w -> {
            dictionary(w, "b", "Bad Tenant", "n", "");
            w.writeBytes(new byte[]{0, 1, 2, 3, 0, 0, 0});
        }), "invalid batch: invalid tenant name 'Bad Tenant'");
        assertRejected(body(w -> {
            dictionary(w, "b", "t", "n", "");
            w.writeBytes(new byte[]{0, 1, 2, 3, 0, 1, 0, 7, 0, 0});
        }), "unknown metric type 7 of family 0");
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] raw = codec.encode(smallBatch(3), false);
        assertRejected(Arrays.copyOf(raw, raw.length + 1), "trailing garbage: 1 bytes after the last sample");
        byte[] deflated = codec.encode(smallBatch(3), true);
        assertRejected(Arrays.copyOf(deflated, deflated.length + 2), "trailing garbage: 2 bytes after the deflate stream");
    }

    /** Damaged bytes either still decode or fail as BatchFormatException, never as anything else. */
    @Test
    void randomDamageOnlyEverThrowsBatchFormatException() {
        Random random = new Random(20251121);
        List<byte[]> valid = new ArrayList<>();
        for (long seed = 0; seed < 20; seed++) {
            SampleBatch batch = new RandomBatches(seed).next();
            valid.add(codec.encode(batch, true));
            valid.add(codec.encode(batch, false));
        }
        int rejected = 0;
        for (int attempt = 0; attempt < 4000; attempt++) {
            byte[] original = valid.get(random.nextInt(valid.size()));
            byte[] damaged = original.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                int at = 5 + random.nextInt(damaged.length - 5);
                damaged[at] = random.nextBoolean() ? (byte) (damaged[at] ^ (1 << random.nextInt(8))) : (byte) random.nextInt();
            }
            // Damage under a valid deflate stream too, so the body parser sees it on the compressed path.
            byte[] input = random.nextInt(4) == 0 && damaged[4] == 0 ? deflated(damaged) : damaged;
            try {
                codec.decode(input);
            } catch (BatchFormatException e) {
                rejected++;
            } catch (Throwable t) {
                fail("attempt " + attempt + " (seed 20251121) threw " + t, t);
            }
        }
        assertThat(rejected).isGreaterThan(1000);
    }

    private static byte[] deflated(byte[] raw) {
        ByteWriter writer = new ByteWriter(raw.length);
        writer.writeBytes(raw);
        byte[] out = BodyCompression.deflate(writer, 5);
        out[4] = 1;
        return out;
    }

    private void assertRejected(byte[] bytes, String message) {
        assertRejected(codec, bytes, message);
    }

    private static void assertRejected(SampleBatchCodec codec, byte[] bytes, String message) {
        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(BatchFormatException.class).hasMessageContaining(message);
    }

    private static SampleBatch smallBatch(int samples) {
        List<Sample> list = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            list.add(new Sample(Labels.of("__name__", "up", "i", Integer.toString(i)), i, 1_700_000_000_000L + i));
        }
        return new SampleBatch("b-1", "acme", "node-1", "test", 1_700_000_000_000L, List.of(), list);
    }

    /** An uncompressed batch whose body is what {@code body} writes. */
    private static byte[] body(java.util.function.Consumer<ByteWriter> body) {
        ByteWriter w = new ByteWriter(64);
        w.writeBytes(new byte[]{'Q', 'S', 'B', 1, 0});
        body.accept(w);
        return w.toByteArray();
    }

    private static void dictionary(ByteWriter w, String... strings) {
        w.writeVarint(strings.length);
        for (String s : strings) {
            w.writeVarint(s.length());
            w.writeBytes(s.getBytes());
        }
    }

    /** Dictionary ("b", "t", "n", ""), the batch fields referring to it, sentAtMs 0 and no families. */
    private static void header(ByteWriter w) {
        dictionary(w, "b", "t", "n", "");
        w.writeBytes(new byte[]{0, 1, 2, 3, 0, 0});
    }

    /** A one-sample batch with an empty label set, timestamp delta 0 and the value code given. */
    private static byte[] oneValue(long code) {
        return body(w -> {
            header(w);
            w.writeBytes(new byte[]{1, 0, 0});
            w.writeVarint(code);
        });
    }

    /** A one-sample batch: {@code column} writes the label set (and more, to damage), then timestamp 0 and value 0 follow. */
    private static byte[] oneSample(java.util.function.Consumer<ByteWriter> column) {
        return body(w -> {
            header(w);
            w.writeVarint(1);
            column.accept(w);
            w.writeVarint(0);
            w.writeVarint(0);
        });
    }
}
