package io.quayside.functions.ingest.sqs;

import io.micrometer.core.instrument.MeterRegistry;
import io.quayside.functions.ingest.IngestResult;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The ingest logic a queue consumer runs: takes the event in one message at a time, counts what
 * became of each message, and logs each rejected one with its reason.
 */
public final class CountedIntake implements Function<SqsEvent, SqsBatchResponse> {
    private static final Logger LOG = Logger.getLogger(CountedIntake.class.getName());

    private final QueuedBatches batches;
    private final MeterRegistry meters;

    public CountedIntake(QueuedBatches batches, MeterRegistry meters) {
        this.batches = batches;
        this.meters = meters;
    }

    @Override
    public SqsBatchResponse apply(SqsEvent event) {
        List<MessageOutcome> outcomes = batches.takeIn(event);
        for (MessageOutcome outcome : outcomes) {
            meters.counter("quayside_sqs_batches_total", "outcome", outcome.kind().name().toLowerCase(Locale.ROOT)).increment();
            if (outcome.kind() == MessageOutcome.Kind.INGESTED) {
                countIngested(outcome.result());
            } else if (outcome.kind() == MessageOutcome.Kind.REJECTED) {
                LOG.warning("message " + outcome.messageId() + " (batch " + outcome.batchId() + ", tenant " + outcome.tenant()
                        + ") refused: " + outcome.reason());
            }
        }
        return QueuedBatches.response(outcomes);
    }

    /** Under the names the HTTP intake uses, so one dashboard serves both. */
    private void countIngested(IngestResult result) {
        meters.counter("quayside_ingested_batches_total", "tenant", result.tenant()).increment();
        meters.counter("quayside_ingested_samples_total", "tenant", result.tenant()).increment(result.accepted() + result.withoutContainer());
        notKept(result.tenant(), "out_of_order", result.outOfOrder());
        notKept(result.tenant(), "series_limit", result.overSeriesLimit());
    }

    private void notKept(String tenant, String reason, int samples) {
        if (samples > 0) {
            meters.counter("quayside_window_rejected_samples_total", "tenant", tenant, "reason", reason).increment(samples);
        }
    }
}
