package io.quayside.functions.ingest.sqs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class SqsQueueConsumerTest {
    private static ElasticMq mq;
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final List<SqsEvent> handed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startSqs() {
        mq = new ElasticMq();
    }

    @AfterAll
    static void stopSqs() {
        mq.close();
    }

    @Test
    void handsTheMessagesOverInLambdasShapeAndDeletesThemAll() {
        URI queue = queue(Map.of());
        SendMessageResponse sent = send(queue, "YmF0Y2g=", "b-1");
        send(queue, "second", "b-2");
        SqsQueueConsumer consumer = consumer(queue, recording(event -> List.of()));

        pollUntil(consumer, 2);

        SqsMessage first = handed.get(0).records().get(0);
        assertThat(first.messageId()).isEqualTo(sent.messageId());
        assertThat(first.receiptHandle()).isNotBlank();
        assertThat(first.body()).isEqualTo("YmF0Y2g=");
        assertThat(first.md5OfBody()).isEqualTo(sent.md5OfMessageBody());
        assertThat(first.attributes()).containsEntry("ApproximateReceiveCount", "1").containsKey("SentTimestamp");
        assertThat(first.messageAttributes()).containsEntry("tenant", new SqsMessage.Attribute("local", "String"))
                .containsEntry("batch-id", new SqsMessage.Attribute("b-1", "String"));
        assertThat(first.attribute(QueuedBatches.BATCH_ID)).isEqualTo("b-1");
        assertThat(first.eventSource()).isEqualTo("aws:sqs");
        assertThat(first.eventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:" + name(queue));
        assertThat(first.awsRegion()).isEqualTo(ElasticMq.REGION);
        assertThat(mq.held(queue)).isZero();
        assertThat(count("quayside_sqs_received_messages")).isEqualTo(2);
        assertThat(count("quayside_sqs_deleted_messages")).isEqualTo(2);
    }

    @Test
    void leavesTheReportedFailuresToComeBackAfterTheVisibilityTimeout() throws Exception {
        URI queue = queue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
        send(queue, "good", "b-1");
        String failing = send(queue, "bad", "b-2").messageId();
        SqsQueueConsumer consumer = consumer(queue, recording(event -> List.of(failing)));

        pollUntil(consumer, 2);
        Thread.sleep(1_200);
        pollUntil(consumer, 3);

        SqsMessage again = handed.get(handed.size() - 1).records().get(0);
        assertThat(again.messageId()).isEqualTo(failing);
        assertThat(again.attributes()).containsEntry("ApproximateReceiveCount", "2");
        assertThat(count("quayside_sqs_failed_messages")).isEqualTo(2);
        assertThat(count("quayside_sqs_deleted_messages")).isEqualTo(1);
    }

    @Test
    void deletesNothingWhenTheHandlerThrows() throws Exception {
        URI queue = queue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
        send(queue, "one", "b-1");
        send(queue, "two", "b-2");
        SqsQueueConsumer consumer = consumer(queue, event -> {
            throw new IllegalStateException("store down");
        });

        int received = 0;
        while (received < 2) {
            received += consumer.poll();
        }
        Thread.sleep(1_200);

        assertThat(mq.held(queue)).isEqualTo(2);
        assertThat(count("quayside_sqs_handler_errors")).isPositive();
        assertThat(count("quayside_sqs_deleted_messages")).isZero();
    }

    @Test
    void deletesNothingWhenTheResponseNamesAMessageItWasNotGiven() {
        URI queue = queue(Map.of());
        send(queue, "one", "b-1");
        SqsQueueConsumer consumer = consumer(queue, recording(event -> List.of("no-such-message")));

        pollUntil(consumer, 1);

        assertThat(mq.held(queue)).isEqualTo(1);
        assertThat(count("quayside_sqs_deleted_messages")).isZero();
    }

    @Test
    void aMessageThatKeepsFailingReachesTheDeadLetterQueueWhileOthersAreTakenIn() throws Exception {
        URI dlq = queue(Map.of());
        URI queue = queue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1", QueueAttributeName.REDRIVE_POLICY,
                "{\"maxReceiveCount\":\"2\",\"deadLetterTargetArn\":\"" + mq.arn(dlq) + "\"}"));
        send(queue, "poison", "p");
        SqsQueueConsumer consumer = consumer(queue, recording(event -> event.records().stream()
                .filter(message -> message.body().equals("poison")).map(SqsMessage::messageId).toList()));
        consumer.start();
        try {
            send(queue, "good", "g");
            await(() -> mq.held(dlq) == 1);
        } finally {
            consumer.close();
        }

        assertThat(mq.sqs.receiveMessage(r -> r.queueUrl(dlq.toString())).messages()).extracting(m -> m.body()).containsExactly("poison");
        assertThat(mq.held(queue)).isZero();
        assertThat(count("quayside_sqs_failed_messages")).isEqualTo(2);
        assertThat(count("quayside_sqs_deleted_messages")).isEqualTo(1);
    }

    @Test
    void backsOffWhileTheQueueIsGoneAndTakesMessagesAgainWhenItIsBack() throws Exception {
        try (ElasticMq own = new ElasticMq()) {
            URI queue = URI.create(own.sqs.createQueue(r -> r.queueName("samples")).queueUrl());
            SqsQueueConsumer consumer = new SqsQueueConsumer(own.sqs, settings(queue), recording(event -> List.of()), meters);
            consumer.start();
            try {
                own.stop();
                await(() -> count("quayside_sqs_receive_errors") >= 2);
                own.restart();
                own.sqs.createQueue(r -> r.queueName("samples"));
                own.sqs.sendMessage(r -> r.queueUrl(queue.toString()).messageBody("after"));
                await(() -> count("quayside_sqs_deleted_messages") == 1);
            } finally {
                consumer.close();
            }
            assertThat(handed.get(0).records()).extracting(SqsMessage::body).containsExactly("after");
        }
    }

    private static URI queue(Map<QueueAttributeName, String> attributes) {
        return mq.queue("q-" + UUID.randomUUID(), attributes);
    }

    private static String name(URI queue) {
        return queue.getPath().substring(queue.getPath().lastIndexOf('/') + 1);
    }

    private static SendMessageResponse send(URI queue, String body, String batchId) {
        MessageAttributeValue tenant = MessageAttributeValue.builder().dataType("String").stringValue("local").build();
        MessageAttributeValue id = MessageAttributeValue.builder().dataType("String").stringValue(batchId).build();
        return mq.sqs.sendMessage(r -> r.queueUrl(queue.toString()).messageBody(body)
                .messageAttributes(Map.of("tenant", tenant, "batch-id", id)));
    }

    private static ConsumerSettings settings(URI queue) {
        return new ConsumerSettings(queue, ElasticMq.REGION, 10, Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(200));
    }

    private SqsQueueConsumer consumer(URI queue, Function<SqsEvent, SqsBatchResponse> handler) {
        return new SqsQueueConsumer(mq.sqs, settings(queue), handler, meters);
    }

    /** Keeps every event and fails the message ids the function picks. */
    private Function<SqsEvent, SqsBatchResponse> recording(Function<SqsEvent, List<String>> failures) {
        return event -> {
            handed.add(event);
            return new SqsBatchResponse(failures.apply(event).stream().map(SqsBatchResponse.ItemFailure::new).toList());
        };
    }

    private void pollUntil(SqsQueueConsumer consumer, int messages) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (handed.stream().mapToInt(event -> event.records().size()).sum() < messages) {
            assertThat(System.nanoTime()).as("%d messages handed over within 10 s", messages).isLessThan(deadline);
            consumer.poll();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 15 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private double count(String counter) {
        return meters.get(counter).counter().count();
    }
}
