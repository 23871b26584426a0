package io.quayside.e2e;

import io.quayside.model.Labels;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agent → SQS (ElasticMQ) → functions runtime → store, with a real runc container: every batch the
 * agent makes reaches the windows once and in order, through a queue outage, a repeated delivery and
 * a poison message. The agent's own sweep counter travels in each batch (the k-th batch carries k),
 * so the windows must hold exactly 1..K: a lost batch leaves a hole, a reordered one is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqsPipelineTest {
    private static final int MAX_RECEIVES = 3;
    private static final int OUTAGE_BATCHES = 5;

    private QueueServer queues;
    private QueuedStack stack;
    private RuncContainer container;
    private String sweeps;

    @BeforeAll
    void start() throws Exception {
        Host.assumeRuncRuns();
        queues = new QueueServer(MAX_RECEIVES, Duration.ofSeconds(1));
        stack = new QueuedStack(queues);
        sweeps = "quayside_agent_sweep_seconds_count{node=\"" + stack.node + "\",runtime=\"runc\"}";
        stack.startFunctions();
        container = RuncContainer.start(stack.work, LocalStack.newPrefix() + "probe", "probe");
        stack.startAgent(container.root());
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (container != null) {
            container.close();
        }
        if (queues != null) {
            queues.close();
        }
    }

    @Test
    @Order(1)
    void theAgentsBatchesReachTheStoreThroughTheQueue() throws Exception {
        Host.await("five of the agent's batches in the windows", () -> sweepCounts().size() >= 5, stack.functions());

        assertConsecutiveFromOne(sweepCounts());
        assertThat(stack.samples("container_cpu_usage_seconds_total{name=\"probe\"}")).as("the runc container's series").hasSize(1);
    }

    @Test
    @Order(2)
    void aBatchDeliveredTwiceIsCountedOnce() throws Exception {
        double duplicatesBefore = stack.counter("quayside_sqs_batches_total", "outcome=\"duplicate\"");
        String batchId = "e2e-" + UUID.randomUUID();
        byte[] encoded = new SampleBatchCodec().encode(new SampleBatch(batchId, "local", stack.node, "e2e", System.currentTimeMillis(),
                List.of(), List.of(new Sample(Labels.of(Labels.METRIC_NAME, "e2e_delivered_twice"), 1, System.currentTimeMillis()))));
        for (int i = 0; i < 2; i++) {
            send(Base64.getEncoder().encodeToString(encoded), batchId);
        }

        Host.await("the second delivery recognised", () -> stack.counter("quayside_sqs_batches_total", "outcome=\"duplicate\"")
                == duplicatesBefore + 1, stack.functions());
        assertThat(stack.samples("e2e_delivered_twice")).singleElement().satisfies(points -> assertThat(points).hasSize(1));
    }

    @Test
    @Order(3)
    void aPoisonMessageReachesTheDeadLetterQueueWhileBatchesKeepFlowing() throws Exception {
        double ingestedBefore = stack.counter("quayside_sqs_batches_total", "outcome=\"ingested\"");
        long started = System.nanoTime();
        send("this is not a batch", "e2e-poison");

        Host.await("the poison message in the dead-letter queue", () -> queues.depth(queues.deadLetters) == 1, stack.functions());
        long toDeadLetters = Duration.ofNanos(System.nanoTime() - started).toMillis();

        List<Message> dead = queues.sqs.receiveMessage(r -> r.queueUrl(queues.deadLetters.toString())).messages();
        assertThat(dead).extracting(Message::body).containsExactly("this is not a batch");
        assertThat(stack.counter("quayside_sqs_batches_total", "outcome=\"rejected\"")).isEqualTo(MAX_RECEIVES);
        assertThat(stack.counter("quayside_sqs_batches_total", "outcome=\"ingested\"")).as("batches taken in meanwhile")
                .isGreaterThan(ingestedBefore);
        assertThat(stack.logs()).contains("not a Quayside batch");
        System.out.printf("e2e sqs: poison message in the dead-letter queue after %d receives, %d ms%n", MAX_RECEIVES, toDeadLetters);
    }

    @Test
    @Order(4)
    void aQueueOutageLosesNoBatchAndKeepsTheirOrder() throws Exception {
        int sweepsBefore = sweepCounts().size();
        queues.stop();
        long down = System.nanoTime();
        int peak = 0;
        while (peak < OUTAGE_BATCHES) {
            assertThat(Duration.ofNanos(System.nanoTime() - down)).as("the agent spools while the queue is down").isLessThan(Duration.ofSeconds(30));
            peak = Math.max(peak, stack.spooled());
            Thread.sleep(100);
        }
        queues.restart();
        long outageMs = Duration.ofNanos(System.nanoTime() - down).toMillis();
        long drainMs = Host.millisUntil(() -> stack.spooled() == 0);
        stack.stopAgent();
        Host.await("the samples queue emptied", () -> queues.depth(queues.samples) == 0, stack.functions());

        List<QueuedStack.Point> counts = sweepCounts();
        assertConsecutiveFromOne(counts);
        assertThat(counts.size()).isGreaterThanOrEqualTo(sweepsBefore + peak);
        List<List<QueuedStack.Point>> probe = stack.samples("container_cpu_usage_seconds_total{name=\"probe\"}");
        assertThat(probe).singleElement().satisfies(points -> assertThat(points).extracting(QueuedStack.Point::timestampMs)
                .as("the container's samples, one per batch").containsExactlyElementsOf(counts.stream().map(QueuedStack.Point::timestampMs).toList()));
        assertThat(stack.counter("quayside_window_rejected_samples_total", "reason=\"out_of_order\"")).as("samples refused as out of order").isZero();
        double ingested = stack.counter("quayside_sqs_batches_total", "outcome=\"ingested\"");
        assertThat(ingested).as("the agent's batches and the one sent twice, each taken in once").isEqualTo(counts.size() + 1);
        System.out.printf("e2e sqs: agent batches %d, messages received %.0f, taken in %.0f, duplicates %.0f, rejected %.0f; "
                        + "outage %d ms, spool depth at the peak %d, drained in %d ms%n",
                counts.size(), stack.counter("quayside_sqs_received_messages_total", ""), ingested,
                stack.counter("quayside_sqs_batches_total", "outcome=\"duplicate\""), stack.counter("quayside_sqs_batches_total", "outcome=\"rejected\""),
                outageMs, peak, drainMs);
    }

    private List<QueuedStack.Point> sweepCounts() throws Exception {
        List<List<QueuedStack.Point>> series = stack.samples(sweeps);
        return series.isEmpty() ? List.of() : series.get(0);
    }

    /** The k-th batch carries k: in timestamp order the values must be 1, 2, ... K, with none missing. */
    private static void assertConsecutiveFromOne(List<QueuedStack.Point> counts) {
        List<Long> values = new ArrayList<>();
        counts.forEach(point -> values.add(Math.round(point.value())));
        assertThat(values).as("the sweep counter in the windows").containsExactlyElementsOf(LongStream.rangeClosed(1, counts.size()).boxed().toList());
    }

    private void send(String body, String batchId) {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "content-type", text("application/vnd.quayside.batch"), "batch-id", text(batchId), "tenant", text("local"));
        queues.sqs.sendMessage(r -> r.queueUrl(queues.samples.toString()).messageBody(body).messageAttributes(attributes));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
