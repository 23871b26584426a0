package io.quayside.functions.bench.cost;

import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.BatchFormatException;
import io.quayside.model.codec.SampleBatchCodec;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CadvisorHostTest {
    private static final long T0 = 1_793_000_000_000L;

    @Test
    void sendsTwentySevenSeriesPerContainerAndNodeSeries() {
        CadvisorHost host = new CadvisorHost(3, 20, 42);
        SampleBatch batch = host.sweep(T0);

        assertThat(batch.samples()).hasSize(20 * CadvisorHost.SERIES_PER_CONTAINER + CadvisorHost.NODE_SERIES);
        assertThat(batch.samples().stream().filter(s -> s.labels().get("id") != null).map(s -> s.labels().get("id")).distinct())
                .hasSize(20).allMatch(id -> id.matches("[0-9a-f]{64}"));
        assertThat(batch.samples()).allMatch(s -> "acme".equals(s.labels().get("tenant")) && host.node().equals(s.labels().get("node")));
        assertThat(host.started(java.time.Instant.EPOCH)).hasSize(20);
    }

    @Test
    void countersGrowSpecGaugesStayAndGaugesMove() {
        CadvisorHost host = new CadvisorHost(0, 5, 42);
        List<Sample> first = host.sweep(T0).samples();
        List<Sample> later = host.sweep(T0 + 60_000).samples();

        IntStream.range(0, first.size()).forEach(i -> {
            String name = first.get(i).metricName();
            if (name.endsWith("_total")) {
                assertThat(later.get(i).value()).as(name).isGreaterThanOrEqualTo(first.get(i).value());
            } else if (name.startsWith("container_spec_")) {
                assertThat(later.get(i).value()).as(name).isEqualTo(first.get(i).value());
            }
        });
        assertThat(valueOf(later, "container_cpu_usage_seconds_total")).isGreaterThan(valueOf(first, "container_cpu_usage_seconds_total"));
        assertThat(valueOf(later, "container_memory_rss")).isNotEqualTo(valueOf(first, "container_memory_rss"));
    }

    @Test
    void aBatchTooLargeForOneMessageIsSentInPartsThatHoldEverySample() throws BatchFormatException {
        SampleBatch batch = new CadvisorHost(1, 1200, 42).sweep(T0);
        List<QueuedMessage> messages = new AgentMessages().of(batch);

        assertThat(messages).hasSizeGreaterThan(1).allMatch(m -> m.body().length() <= AgentMessages.MAX_BODY_CHARS);
        int samples = 0;
        for (QueuedMessage message : messages) {
            SampleBatch part = new SampleBatchCodec().decode(Base64.getDecoder().decode(message.body()));
            assertThat(part.batchId()).isEqualTo(message.attributes().get(QueuedMessage.BATCH_ID)).startsWith(batch.batchId() + ".");
            samples += part.samples().size();
        }
        assertThat(samples).isEqualTo(batch.samples().size());
    }

    private static double valueOf(List<Sample> samples, String name) {
        return samples.stream().filter(s -> s.metricName().equals(name)).findFirst().orElseThrow().value();
    }
}
