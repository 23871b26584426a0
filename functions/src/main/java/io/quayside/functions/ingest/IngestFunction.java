package io.quayside.functions.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.funqy.Funq;
import io.quarkus.logging.Log;
import io.quayside.functions.ingest.sqs.MessageOutcome;
import io.quayside.functions.ingest.sqs.QueuedBatches;
import io.quayside.functions.ingest.sqs.SqsBatchResponse;
import io.quayside.functions.ingest.sqs.SqsEvent;
import io.quayside.functions.runtime.FunctionCaller;

import java.util.List;

/**
 * The {@code ingest} function: an SQS event of encoded batches in (from the samples queue's event
 * source mapping, or POSTed as the same JSON), the messages to deliver again out. Each message's
 * outcome is counted, and each rejection logged with its reason.
 */
public class IngestFunction {
    private final QueuedBatches queued;
    private final FunctionCaller caller;
    private final MeterRegistry meters;

    public IngestFunction(QueuedBatches queued, FunctionCaller caller, MeterRegistry meters) {
        this.queued = queued;
        this.caller = caller;
        this.meters = meters;
    }

    @Funq
    public SqsBatchResponse ingest(SqsEvent event) {
        List<MessageOutcome> outcomes = queued.takeIn(event, caller::grants);
        outcomes.forEach(this::count);
        return QueuedBatches.response(outcomes);
    }

    private void count(MessageOutcome outcome) {
        switch (outcome.kind()) {
            case INGESTED -> {
                IngestResult result = outcome.result();
                meters.counter("quayside_ingested_batches_total", "tenant", outcome.tenant()).increment();
                meters.counter("quayside_ingested_samples_total", "tenant", outcome.tenant())
                        .increment(result.accepted() + result.withoutContainer());
                countNotKept(outcome.tenant(), "out_of_order", result.outOfOrder());
                countNotKept(outcome.tenant(), "series_limit", result.overSeriesLimit());
            }
            case DUPLICATE -> meters.counter("quayside_duplicate_batches_total", "tenant", outcome.tenant()).increment();
            case REJECTED -> {
                meters.counter("quayside_rejected_total", "input", "batch", "reason", outcome.refusal().label()).increment();
                Log.warnf("ingest: message %s rejected (%s): %s", outcome.messageId(), outcome.refusal().label(), outcome.reason());
            }
        }
    }

    private void countNotKept(String tenant, String reason, int samples) {
        if (samples > 0) {
            meters.counter("quayside_window_rejected_samples_total", "tenant", tenant, "reason", reason).increment(samples);
        }
    }
}
