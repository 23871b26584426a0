package io.quayside.functions.discover;

import io.quayside.functions.ingest.sqs.SqsBatchResponse;

import java.util.List;

/**
 * What the {@code discover} function did: the events applied, in order, and (for an SQS event) the
 * messages to deliver again, in the shape of a partial batch response that Lambda reads.
 */
public record Discovered(List<AppliedEvent> applied, List<SqsBatchResponse.ItemFailure> batchItemFailures) {
    public Discovered {
        applied = List.copyOf(applied);
        batchItemFailures = List.copyOf(batchItemFailures);
    }
}
