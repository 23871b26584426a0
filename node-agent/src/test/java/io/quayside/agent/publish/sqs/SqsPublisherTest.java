package io.quayside.agent.publish.sqs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.agent.publish.PublishException;
import io.quayside.agent.publish.TestBatches;
import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqsPublisherTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static ElasticMq sqs;

    private final List<Duration> waits = new ArrayList<>();
    private URI samples;
    private URI events;
    private SqsPublisher publisher;

    @BeforeAll
    static void startSqs() {
        sqs = new ElasticMq();
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
    }

    @BeforeEach
    void createQueues() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        samples = sqs.createQueue("samples-" + run);
        events = sqs.createQueue("events-" + run);
        publisher = new SqsPublisher(sqs.client(), new SqsSettings(samples, events), waits::add);
    }

    @Test
    void sendsABatchAsOneMessageNamingItsIdAndContentType() throws Exception {
        SampleBatch batch = TestBatches.batch("b-1", 50);

        int bytes = publisher.publish(batch);

        List<Message> received = sqs.receiveAll(samples);
        assertThat(received).hasSize(1);
        assertThat(bytes).isEqualTo(received.get(0).body().length());
        assertThat(decode(received.get(0))).isEqualTo(batch);
        assertThat(attributes(received.get(0))).containsEntry("batch-id", "b-1")
                .containsEntry("content-type", SampleBatchCodec.MEDIA_TYPE).containsEntry("tenant", "acme");
    }

    @Test
    void splitsABatchTooLargeForOneMessageIntoNumberedPartsThatAddUpToIt() throws Exception {
        SampleBatch batch = TestBatches.batch("big", 40_000);

        publisher.publish(batch);

        List<Message> received = sqs.receiveAll(samples);
        assertThat(received).hasSizeGreaterThan(1).allSatisfy(m -> assertThat(m.body().length())
                .isLessThanOrEqualTo(BatchSplitter.DEFAULT_MAX_BODY_CHARS));
        List<SampleBatch> parts = new ArrayList<>();
        for (Message message : received) {
            parts.add(decode(message));
        }
        parts.sort((a, b) -> Integer.compare(partNumber(a), partNumber(b)));
        assertThat(parts).extracting(SampleBatch::batchId)
                .containsExactly(parts.stream().map(p -> "big." + partNumber(p)).toArray(String[]::new))
                .first().isEqualTo("big.1");
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.tenant()).isEqualTo(batch.tenant());
            assertThat(part.node()).isEqualTo(batch.node());
            assertThat(part.families()).isEqualTo(batch.families());
        });
        assertThat(parts.stream().flatMap(p -> p.samples().stream()).toList()).isEqualTo(batch.samples());
        assertThat(received).allSatisfy(m -> assertThat(attributes(m).get("batch-id")).startsWith("big."));
    }

    @Test
    void sendsEventsAsJsonToTheEventsQueue() throws Exception {
        ContainerEvent event = new ContainerEvent("acme", "node-1", "c-1", "web", "nginx", Map.of("app", "web"), "runc",
                ContainerEvent.Kind.STARTED, Instant.parse("2026-11-21T10:00:00Z"));

        publisher.publish(event);

        List<Message> received = sqs.receiveAll(events);
        assertThat(received).hasSize(1);
        assertThat(JSON.readValue(received.get(0).body(), ContainerEvent.class)).isEqualTo(event);
        assertThat(attributes(received.get(0))).containsEntry("content-type", "application/json");
        assertThat(sqs.receiveAll(samples)).isEmpty();
    }

    @Test
    void anUnreachableQueueIsRetriedWithBackoffThenReportedRetryable() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250));
        SqsPublisher unreachable = new SqsPublisher(ElasticMq.client(URI.create("http://127.0.0.1:1")),
                new SqsSettings(samples, events, BatchSplitter.DEFAULT_MAX_BODY_CHARS, policy), waits::add);

        assertThatThrownBy(() -> unreachable.publish(TestBatches.batch("b-2", 1)))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(waits.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
        assertThat(waits.get(2)).isBetween(Duration.ZERO, Duration.ofMillis(250));
    }

    @Test
    void aMissingQueueKeepsTheBatchForWhenItIsBack() {
        SqsPublisher misconfigured = new SqsPublisher(sqs.client(),
                new SqsSettings(URI.create(sqs.endpoint() + "/000000000000/no-such-queue"), events), waits::add);

        assertThatThrownBy(() -> misconfigured.publish(TestBatches.batch("b-3", 1)))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("cannot send");
    }

    static SampleBatch decode(Message message) throws Exception {
        return new SampleBatchCodec().decode(Base64.getDecoder().decode(message.body()));
    }

    private static Map<String, String> attributes(Message message) {
        Map<String, String> values = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> values.put(name, value.stringValue()));
        return values;
    }

    private static int partNumber(SampleBatch part) {
        return Integer.parseInt(part.batchId().substring(part.batchId().lastIndexOf('.') + 1));
    }
}
