package io.quayside.functions.ingest.sqs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.functions.ingest.Ingestor;
import io.quayside.functions.store.SeenBatches;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.quayside.functions.TestData.sample;
import static org.assertj.core.api.Assertions.assertThat;

class QueuedBatchesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path state;

    private EmbeddedStore store;
    private EmbeddedWindows windows;
    private final List<String> remembered = new ArrayList<>();
    private QueuedBatches queued;

    @BeforeEach
    void open() {
        store = new EmbeddedStore(new StateDirectory(state, new ObjectMapper()), 60_000);
        windows = new EmbeddedWindows(state, new WindowLimits(3_600_000, 100, 100), CLOCK);
        Set<String> ledger = new HashSet<>();
        SeenBatches seen = new SeenBatches() {
            @Override
            public boolean seen(String tenant, String batchId) {
                return ledger.contains(tenant + "/" + batchId);
            }

            @Override
            public void remember(String tenant, String batchId, Instant at) {
                ledger.add(tenant + "/" + batchId);
                remembered.add(tenant + "/" + batchId + "@" + at);
            }
        };
        queued = new QueuedBatches(new Ingestor(store, store, windows), seen, CLOCK);
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

        List<MessageOutcome> outcomes = queued.takeIn(event);

        assertThat(outcomes).extracting(MessageOutcome::kind).containsExactly(
                MessageOutcome.Kind.INGESTED, MessageOutcome.Kind.REJECTED, MessageOutcome.Kind.INGESTED);
        assertThat(outcomes.get(1).reason()).startsWith("not a Quayside batch: body is not base64");
        assertThat(QueuedBatches.response(outcomes).batchItemFailures()).containsExactly(new SqsBatchResponse.ItemFailure("m2"));
        assertThat(store.latest("local", "a")).containsExactly(sample("a", "cpu", 1.0, 1000));
        assertThat(store.latest("local", "b")).containsExactly(sample("b", "cpu", 2.0, 1000));
        assertThat(remembered).containsExactly("local/b1@2026-11-21T10:00:00Z", "local/b2@2026-11-21T10:00:00Z");
    }

    @Test
    void aBatchDeliveredTwiceIsTakenInOnce() {
        String body = encode(batch("b1", "a", 1.0, 1000));

        List<MessageOutcome> first = queued.takeIn(new SqsEvent(List.of(message("m1", body, "b1"))));
        List<MessageOutcome> again = queued.takeIn(new SqsEvent(List.of(message("m1-again", body, "b1"))));

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

        List<MessageOutcome> outcomes = queued.takeIn(new SqsEvent(List.of(forged)));

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.kind()).isEqualTo(MessageOutcome.Kind.REJECTED);
            assertThat(outcome.reason()).isEqualTo("message attribute tenant 'other' differs from the batch's tenant 'local'");
        });
        assertThat(store.latest("local", "a")).isEmpty();
        assertThat(remembered).isEmpty();
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
