package io.quayside.functions.ingest.sqs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.functions.TestClock;
import io.quayside.functions.ingest.Ingestor;
import io.quayside.functions.store.SeenBatches;
import io.quayside.functions.store.embedded.EmbeddedSeenBatches;
import io.quayside.functions.store.embedded.EmbeddedStore;
import io.quayside.functions.store.embedded.EmbeddedWindows;
import io.quayside.functions.store.embedded.StateDirectory;
import io.quayside.functions.store.embedded.WindowLimits;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.quayside.functions.TestData.sample;
import static org.assertj.core.api.Assertions.assertThat;

class QueuedBatchesTest {
    private static final Predicate<String> ANY_TENANT = tenant -> true;
    private static final Duration RETENTION = Duration.ofHours(1);
    private static final int CAPACITY = 2;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-21T10:00:00Z"));

    @TempDir
    Path state;

    private EmbeddedStore store;
    private EmbeddedWindows windows;
    private final List<String> remembered = new ArrayList<>();
    private QueuedBatches queued;

    @BeforeEach
    void open() {
        store = new EmbeddedStore(new StateDirectory(state, new ObjectMapper()), 60_000);
        windows = new EmbeddedWindows(state, new WindowLimits(3_600_000, 100, 100), clock);
        EmbeddedSeenBatches ledger = new EmbeddedSeenBatches(RETENTION, CAPACITY, clock);
        SeenBatches seen = new SeenBatches() {
            @Override
            public boolean seen(String tenant, String batchId) {
                return ledger.seen(tenant, batchId);
            }

            @Override
            public void remember(String tenant, String batchId, Instant at) {
                ledger.remember(tenant, batchId, at);
                remembered.add(tenant + "/" + batchId + "@" + at);
            }
        };
        queued = new QueuedBatches(new Ingestor(store, store, windows), seen, clock);
    }

    @AfterEach
    void close() {
        windows.close();
        store.close();
    }

    @Test
    void aPoisonMessageFailsAloneAndItsNeighboursAreTakenIn() {
        SqsEvent event = new SqsEvent(List.of(
                message("m1", batch("b1", "a", 1.0, 1000)),
                new SqsMessage("m2", "r2", "this is not a batch", Map.of(), Map.of(), null, "aws:sqs", null, null),
                message("m3", batch("b2", "b", 2.0, 1000))));

        List<MessageOutcome> outcomes = queued.takeIn(event, ANY_TENANT);

        assertThat(outcomes).extracting(MessageOutcome::kind).containsExactly(
                MessageOutcome.Kind.INGESTED, MessageOutcome.Kind.REJECTED, MessageOutcome.Kind.INGESTED);
        assertThat(outcomes.get(1).reason()).startsWith("not a Quayside batch: body is not base64");
        assertThat(outcomes.get(1).refusal()).isEqualTo(MessageOutcome.Refusal.MALFORMED);
        assertThat(QueuedBatches.response(outcomes).batchItemFailures()).containsExactly(new SqsBatchResponse.ItemFailure("m2"));
        assertThat(store.latest("local", "a")).containsExactly(sample("a", "cpu", 1.0, 1000));
        assertThat(store.latest("local", "b")).containsExactly(sample("b", "cpu", 2.0, 1000));
        assertThat(remembered).containsExactly("local/b1@2026-11-21T10:00:00Z", "local/b2@2026-11-21T10:00:00Z");
    }

    @Test
    void aBatchDeliveredTwiceIsTakenInOnce() {
        String body = encode(batch("b1", "a", 1.0, 1000));

        List<MessageOutcome> first = queued.takeIn(new SqsEvent(List.of(message("m1", body, "b1"))), ANY_TENANT);
        List<MessageOutcome> again = queued.takeIn(new SqsEvent(List.of(message("m1-again", body, "b1"))), ANY_TENANT);

        assertThat(first).extracting(MessageOutcome::kind).containsExactly(MessageOutcome.Kind.INGESTED);
        assertThat(again).extracting(MessageOutcome::kind).containsExactly(MessageOutcome.Kind.DUPLICATE);
        assertThat(QueuedBatches.response(again).batchItemFailures()).isEmpty();
        assertThat(windows.select("local", List.of(), 0, 2000)).singleElement()
                .satisfies(series -> assertThat(series.size()).isEqualTo(1));
    }

    @Test
    void aTenantAttributeThatContradictsTheBatchIsRejectedWithoutTakingItIn() {
        SqsMessage forged = new SqsMessage("m1", "r1", encode(batch("b1", "a", 1.0, 1000)), Map.of(),
                Map.of("tenant", new SqsMessage.Attribute("other", "String")), null, "aws:sqs", null, null);

        assertRejectedAndNotTakenIn(queued.takeIn(new SqsEvent(List.of(forged)), ANY_TENANT),
                MessageOutcome.Refusal.TENANT_MISMATCH, "message attribute tenant 'other' differs from the batch's tenant 'local'");
    }

    @Test
    void aMessageOfATenantTheCallerMayNotWriteForIsRejectedAndNothingOfItIsKept() {
        assertRejectedAndNotTakenIn(queued.takeIn(new SqsEvent(List.of(message("m1", batch("b1", "a", 1.0, 1000)))), "other"::equals),
                MessageOutcome.Refusal.FORBIDDEN, "the caller may not write for tenant 'local'");
    }

    private void assertRejectedAndNotTakenIn(List<MessageOutcome> outcomes, MessageOutcome.Refusal refusal, String reason) {
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.kind()).isEqualTo(MessageOutcome.Kind.REJECTED);
            assertThat(outcome.refusal()).isEqualTo(refusal);
            assertThat(outcome.reason()).isEqualTo(reason);
        });
        assertThat(store.latest("local", "a")).isEmpty();
        assertThat(remembered).isEmpty();
    }

    @Test
    void aBatchIdIsForgottenAfterTheRetention() {
        String body = encode(batch("b1", "a", 1.0, 1000));
        queued.takeIn(new SqsEvent(List.of(message("m1", body, "b1"))), ANY_TENANT);

        clock.advance(RETENTION.minusSeconds(1));
        assertThat(queued.takeIn(new SqsEvent(List.of(message("m2", body, "b1"))), ANY_TENANT))
                .extracting(MessageOutcome::kind).containsExactly(MessageOutcome.Kind.DUPLICATE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(queued.takeIn(new SqsEvent(List.of(message("m3", body, "b1"))), ANY_TENANT))
                .extracting(MessageOutcome::kind).containsExactly(MessageOutcome.Kind.INGESTED);
    }

    @Test
    void theLedgerKeepsItsCapacityForgettingTheOldestIdsFirst() {
        List<SqsMessage> three = List.of(message("m1", batch("b1", "a", 1.0, 1000)), message("m2", batch("b2", "a", 2.0, 2000)),
                message("m3", batch("b3", "a", 3.0, 3000)));
        queued.takeIn(new SqsEvent(three), ANY_TENANT);

        assertThat(queued.takeIn(new SqsEvent(three.subList(1, 3)), ANY_TENANT)).extracting(MessageOutcome::kind)
                .containsExactly(MessageOutcome.Kind.DUPLICATE, MessageOutcome.Kind.DUPLICATE);
        assertThat(queued.takeIn(new SqsEvent(three.subList(0, 1)), ANY_TENANT)).extracting(MessageOutcome::kind)
                .containsExactly(MessageOutcome.Kind.INGESTED);
    }

    private static SampleBatch batch(String id, String container, double value, long timeMs) {
        return new SampleBatch(id, "local", "node-1", "test", timeMs, List.of(), List.of(sample(container, "cpu", value, timeMs)));
    }

    private static String encode(SampleBatch batch) {
        return Base64.getEncoder().encodeToString(new SampleBatchCodec().encode(batch));
    }

    private static SqsMessage message(String id, SampleBatch batch) {
        return message(id, encode(batch), batch.batchId());
    }

    private static SqsMessage message(String id, String body, String batchId) {
        return new SqsMessage(id, "receipt-" + id, body, Map.of("ApproximateReceiveCount", "1"),
                Map.of("tenant", new SqsMessage.Attribute("local", "String"), "batch-id", new SqsMessage.Attribute(batchId, "String")),
                null, "aws:sqs", "arn:aws:sqs:eu-west-1:123456789012:quayside-samples", "eu-west-1");
    }
}
