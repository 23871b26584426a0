package io.quayside.functions.lambda;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quayside.functions.store.LatestSamples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import static io.quayside.functions.lambda.LambdaInvocations.eventFile;
import static io.quayside.functions.lambda.LambdaInvocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

/**
 * The {@code ingest} Lambda fed events/sqs/samples.json as the samples queue's event source mapping
 * delivers it: two batches, a lifecycle event sent to the wrong queue, and the first batch again.
 */
@QuarkusTest
@TestProfile(IngestLambdaTest.Export.class)
@Tag("lambda")
class IngestLambdaTest {
    private static final String POISON = "c0f9e7a2-4d18-4b5e-9f36-2a7d8e1b0c43";
    private static final long SECOND_BATCH_MS = 1_795_251_610_000L;

    public static class Export extends FunctionExport {
        @Override
        String function() {
            return "ingest";
        }
    }

    @Inject
    LatestSamples latest;

    @Inject
    MeterRegistry meters;

    @Test
    void eachBatchIsTakenInOnceAndOnlyThePoisonMessageIsDeliveredAgain() {
        String samples = eventFile("sqs/samples.json");

        invoke(samples).statusCode(200).body("batchItemFailures.itemIdentifier", contains(POISON));

        assertThat(latest.latest("local", "4f2a9c1e7b3d")).extracting(sample -> sample.labels().get("__name__") + "=" + sample.value()
                + "@" + sample.timestampMs()).containsExactlyInAnyOrder(
                "container_cpu_usage_seconds_total=13.11@" + SECOND_BATCH_MS,
                "container_memory_usage_bytes=2408448.0@" + SECOND_BATCH_MS);
        assertThat(latest.latest("local", "9d81c0a4e2f6")).hasSize(2);
        assertThat(count("quayside_ingested_batches_total", "tenant", "local")).isEqualTo(2);
        assertThat(count("quayside_ingested_samples_total", "tenant", "local")).isEqualTo(8);
        assertThat(count("quayside_duplicate_batches_total", "tenant", "local")).isEqualTo(1);
        assertThat(count("quayside_rejected_total", "input", "batch", "reason", "malformed")).isEqualTo(1);

        // SQS delivers the whole event again (a time-out): nothing is counted twice, the poison fails again.
        invoke(samples).statusCode(200).body("batchItemFailures.itemIdentifier", contains(POISON));
        assertThat(count("quayside_ingested_batches_total", "tenant", "local")).isEqualTo(2);
        assertThat(count("quayside_duplicate_batches_total", "tenant", "local")).isEqualTo(4);
        assertThat(count("quayside_rejected_total", "input", "batch", "reason", "malformed")).isEqualTo(2);
    }

    private double count(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }
}
