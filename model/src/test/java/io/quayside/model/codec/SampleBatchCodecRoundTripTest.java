package io.quayside.model.codec;

import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleBatchCodecRoundTripTest {
    private final SampleBatchCodec codec = new SampleBatchCodec();

    @ParameterizedTest(name = "compress={0}")
    @ValueSource(booleans = {true, false})
    void randomBatchesRoundTrip(boolean compress) {
        for (long seed = 0; seed < 400; seed++) {
            SampleBatch batch = new RandomBatches(seed).next();
            SampleBatch decoded = codec.decode(codec.encode(batch, compress));
            assertThat(decoded).as("seed %d, compress %s", seed, compress).isEqualTo(batch);
            assertNamesInterned(decoded, seed);
        }
    }

    @Test
    void specialValuesKeepTheirBits() {
        List<Sample> samples = new ArrayList<>();
        for (double value : RandomBatches.SPECIAL_VALUES) {
            samples.add(new Sample(Labels.of("__name__", "v", "i", Integer.toString(samples.size())), value, 1_700_000_000_000L));
        }
        SampleBatch batch = batch(samples);
        for (boolean compress : new boolean[]{true, false}) {
            SampleBatch decoded = codec.decode(codec.encode(batch, compress));
            for (int i = 0; i < samples.size(); i++) {
                assertThat(Double.doubleToRawLongBits(decoded.samples().get(i).value()))
                        .as("value %s", samples.get(i).value())
                        .isEqualTo(Double.doubleToRawLongBits(samples.get(i).value()));
            }
            assertThat(decoded.samples().get(1).isStale()).isTrue();
        }
    }

    @Test
    void extremeTimestampsRoundTrip() {
        long[] times = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, Long.MIN_VALUE, 1, Long.MAX_VALUE, Long.MAX_VALUE - 1};
        List<Sample> samples = new ArrayList<>();
        for (long time : times) {
            samples.add(new Sample(Labels.of("__name__", "t"), samples.size(), time));
        }
        for (long sentAtMs : new long[]{Long.MIN_VALUE, Long.MAX_VALUE, 0}) {
            SampleBatch batch = new SampleBatch("b", "t", "n", "", sentAtMs, List.of(), samples);
            assertThat(codec.decode(codec.encode(batch, false))).isEqualTo(batch);
        }
    }

    /** The delta mask covers 63 labels; larger sets that keep their names must still round-trip. */
    @ParameterizedTest(name = "{0} labels")
    @ValueSource(ints = {1, 62, 63, 64, 100})
    void largeLabelSetsChangingTheirLastValue(int size) {
        Labels.Builder builder = Labels.builder();
        for (int i = 0; i < size; i++) {
            builder.add(String.format("l%03d", i), "v" + i);
        }
        Labels first = builder.build();
        Labels second = first.with(first.name(size - 1), "changed").with(first.name(0), "changed too");
        SampleBatch batch = batch(List.of(new Sample(first, 1, 1), new Sample(second, 2, 2), new Sample(second, 3, 3)));
        assertThat(codec.decode(codec.encode(batch, false))).isEqualTo(batch);
    }

    @Test
    void emptyBatchAndMetadataRoundTrip() {
        SampleBatch batch = new SampleBatch("batch-1", "tenant-1", "node ü", "", 123, List.of(
                new MetricFamily("a_total", MetricType.COUNTER, "Help with \\ and\nnewline"),
                new MetricFamily("b", MetricType.UNTYPED, "")), List.of());
        assertThat(codec.decode(codec.encode(batch))).isEqualTo(batch);
    }

    @Test
    void samplesShareDictionaryStrings() {
        SampleBatch batch = batch(List.of(
                new Sample(Labels.of("__name__", "a", "node", "n1"), 1, 1),
                new Sample(Labels.of("__name__", "b", "node", "n1", "x", "y"), 2, 2)));
        SampleBatch decoded = codec.decode(codec.encode(batch));
        assertThat(decoded.samples().get(0).labels().get("node")).isSameAs(decoded.samples().get(1).labels().get("node"));
    }

    @Test
    void cadvisorSweepRoundTripsCompactly() {
        SampleBatch batch = CadvisorBatch.build(100, 42);
        byte[] compressed = codec.encode(batch);
        byte[] raw = codec.encode(batch, false);
        assertThat(codec.decode(compressed)).isEqualTo(batch);
        assertThat(codec.decode(raw)).isEqualTo(batch);
        // A regression guard, not the goal: see docs/benchmarks.md for why this data cannot reach 3 bytes.
        assertThat((double) compressed.length / batch.samples().size()).isLessThan(7.5);
        assertThat((double) raw.length / batch.samples().size()).isLessThan(18);
    }

    @Test
    void decimalsAreWrittenShort() {
        assertThat(encodedValueLength(0)).isEqualTo(1);
        assertThat(encodedValueLength(42)).isEqualTo(2);
        assertThat(encodedValueLength(0.1)).isEqualTo(1);
        assertThat(encodedValueLength(1234.567891234)).isEqualTo(7);
        assertThat(CompactDouble.code(0.1 + 0.2)).isEqualTo(CompactDouble.RAW);
        assertThat(CompactDouble.code(-0.0)).isEqualTo(CompactDouble.RAW);
        assertThat(CompactDouble.code(0x1p53 + 2)).isEqualTo(CompactDouble.RAW);
        assertThat(encodedValueLength(Sample.STALE_NAN)).isEqualTo(9);
    }

    private static int encodedValueLength(double value) {
        ByteWriter out = new ByteWriter(16);
        CompactDouble.write(out, value);
        return out.size();
    }

    private static void assertNamesInterned(SampleBatch batch, long seed) {
        for (Sample sample : batch.samples()) {
            for (int i = 0; i < sample.labels().size(); i++) {
                String name = sample.labels().name(i);
                assertThat(name).as("seed %d: label name %s interned", seed, name).isSameAs(name.intern());
            }
        }
    }

    private static SampleBatch batch(List<Sample> samples) {
        return new SampleBatch("b-1", "acme", "node-1", "test", 1_700_000_000_000L, List.of(), samples);
    }
}
