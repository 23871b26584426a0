package io.quayside.agent.publish;

import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Batches for publisher tests, with values random enough that deflate cannot shrink them to nothing. */
public final class TestBatches {
    private TestBatches() {
    }

    public static SampleBatch batch(String id, int samples) {
        Random random = new Random(id.hashCode());
        return new SampleBatch(id, "acme", "node-1", "test", 1_700_000_000_000L,
                List.of(new MetricFamily("container_cpu_usage_seconds_total", MetricType.COUNTER, "CPU time used.")),
                IntStream.range(0, samples).mapToObj(i -> new Sample(
                        Labels.of(Labels.METRIC_NAME, "container_cpu_usage_seconds_total", "container", "c-" + i,
                                "id", Long.toHexString(random.nextLong())),
                        random.nextDouble() * 1e6, 1_700_000_000_000L + i)).toList());
    }
}
