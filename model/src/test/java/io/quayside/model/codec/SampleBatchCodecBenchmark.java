package io.quayside.model.codec;

import io.quayside.model.SampleBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The codec on one cAdvisor sweep of {@value #CONTAINERS} containers ({@value #SAMPLES} samples);
 * scores are samples per second. Run with
 * {@code ./mvnw -q -pl model test-compile exec:exec -Pbench -Dbench.args=SampleBatchCodecBenchmark}.
 * The bench profile hands {@code bench.args} to JMH as a single argument, a benchmark regexp, so the
 * brief run settings are set here rather than on the command line.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SampleBatchCodecBenchmark {
    static final int CONTAINERS = 100;
    static final int SAMPLES = CONTAINERS * CadvisorBatch.SERIES_PER_CONTAINER;

    private final SampleBatchCodec codec = new SampleBatchCodec();
    private SampleBatch batch;
    private byte[] compressed;
    private byte[] uncompressed;

    @Setup
    public void setUp() {
        batch = CadvisorBatch.build(CONTAINERS, 42);
        compressed = codec.encode(batch, true);
        uncompressed = codec.encode(batch, false);
        System.out.printf("%n%d samples: %d bytes compressed (%.2f bytes/sample), %d bytes uncompressed (%.2f bytes/sample)%n",
                SAMPLES, compressed.length, (double) compressed.length / SAMPLES,
                uncompressed.length, (double) uncompressed.length / SAMPLES);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public byte[] encodeCompressed() {
        return codec.encode(batch);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public SampleBatch decodeCompressed() {
        return codec.decode(compressed);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public SampleBatch decodeUncompressed() {
        return codec.decode(uncompressed);
    }
}
