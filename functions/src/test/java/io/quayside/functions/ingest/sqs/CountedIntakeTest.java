package io.quayside.functions.ingest.sqs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quayside.functions.ingest.Ingestor;
import io.quayside.functions.store.SeenBatches;
import io.quayside.functions.store.embedded.EmbeddedStore;
import io.quayside.functions.store.embedded.EmbeddedWindows;
import io.quayside.functions.store.embedded.StateDirectory;
import io.quayside.functions.store.embedded.WindowLimits;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.quayside.functions.TestData.sample;
import static org.assertj.core.api.Assertions.assertThat;

class CountedIntakeTest {
    @TempDir
    Path state;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void countsWhatBecameOfEachMessageAndReportsOnlyTheRefusedOne() {
        Map<String, Instant> ledger = new ConcurrentHashMap<>();
        SeenBatches seen = new SeenBatches() {
            @Override
            public boolean seen(String tenant, String batchId) {
                return ledger.containsKey(batchId);
            }

            @Override
            public void remember(String tenant, String batchId, Instant at) {
                ledger.put(batchId, at);
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
        long now = clock.millis();
        try (EmbeddedStore store = new EmbeddedStore(new StateDirectory(state, new ObjectMapper()), 60_000);
             EmbeddedWindows windows = new EmbeddedWindows(state, new WindowLimits(3_600_000, 100, 100), clock)) {
            CountedIntake intake = new CountedIntake(new QueuedBatches(new Ingestor(store, store, windows), seen, clock), meters);

            SqsBatchResponse response = intake.apply(new SqsEvent(List.of(
                    message("m1", encode("b1", now - 1000)), message("m2", encode("b1", now - 1000)),
                    message("m3", "not base64 at all"), message("m4", encode("b2", now - 2000)))));

            assertThat(response.batchItemFailures()).containsExactly(new SqsBatchResponse.ItemFailure("m3"));
        }
        assertThat(count("quayside_sqs_batches_total", "outcome", "ingested")).isEqualTo(2);
        assertThat(count("quayside_sqs_batches_total", "outcome", "duplicate")).isEqualTo(1);
        assertThat(count("quayside_sqs_batches_total", "outcome", "rejected")).isEqualTo(1);
        assertThat(count("quayside_ingested_samples_total", "tenant", "local")).isEqualTo(2);
        assertThat(count("quayside_window_rejected_samples_total", "reason", "out_of_order")).as("b2's sample is older than b1's").isEqualTo(1);
    }

    private double count(String name, String tag, String value) {
        return meters.get(name).tag(tag, value).counter().count();
    }

    private static String encode(String batchId, long timeMs) {
        SampleBatch batch = new SampleBatch(batchId, "local", "node-1", "test", timeMs, List.of(), List.of(sample("c", "cpu", 1.0, timeMs)));
        return Base64.getEncoder().encodeToString(new SampleBatchCodec().encode(batch));
    }

    private static SqsMessage message(String id, String body) {
        return new SqsMessage(id, "receipt-" + id, body, Map.of(), Map.of(), null, ReceivedMessages.EVENT_SOURCE, null, null);
    }
}
