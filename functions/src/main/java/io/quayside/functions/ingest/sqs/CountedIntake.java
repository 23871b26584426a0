package io.quayside.functions.ingest.sqs;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quayside.functions.ingest.IngestCounters;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The ingest logic every SQS event goes through, whoever delivers it (Lambda's event source mapping,
 * the queue consumer, {@code POST /ingest}): takes the event in one message at a time, counts what
 * became of each message, and logs each rejected one with its reason.
 */
public final class CountedIntake {
    private final QueuedBatches batches;
    private final MeterRegistry meters;
    private final IngestCounters ingested;

    public CountedIntake(QueuedBatches batches, MeterRegistry meters) {
        this.batches = batches;
        this.meters = meters;
        this.ingested = new IngestCounters(meters);
    }

    /** Every tenant's batches: the queue's own access policy decided who may send. */
    public SqsBatchResponse apply(SqsEvent event) {
        return apply(event, tenant -> true);
    }

    /** @param granted the tenants the caller may write for; another tenant's message is rejected as forbidden */
    public SqsBatchResponse apply(SqsEvent event, Predicate<String> granted) {
        List<MessageOutcome> outcomes = batches.takeIn(event, granted);
        outcomes.forEach(this::count);
        return QueuedBatches.response(outcomes);
    }

    private void count(MessageOutcome outcome) {
        meters.counter("quayside_sqs_batches_total", "outcome", outcome.kind().name().toLowerCase(Locale.ROOT)).increment();
        switch (outcome.kind()) {
            case INGESTED -> ingested.ingested(outcome.result());
            case DUPLICATE -> meters.counter("quayside_duplicate_batches_total", "tenant", outcome.tenant()).increment();
            case REJECTED -> {
                meters.counter("quayside_rejected_total", "input", "batch", "reason", outcome.refusal().label()).increment();
                Log.warnf("ingest: message %s (batch %s, tenant %s) rejected (%s): %s", outcome.messageId(), outcome.batchId(),
                        outcome.tenant(), outcome.refusal().label(), outcome.reason());
            }
        }
    }
}
