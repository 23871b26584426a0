package io.quayside.functions.ingest.sqs;

import java.util.List;

/**
 * A partial batch response: the event source mapping (with {@code ReportBatchItemFailures}) deletes
 * every message of the event except these, which SQS delivers again until they reach the dead-letter queue.
 */
public record SqsBatchResponse(List<ItemFailure> batchItemFailures) {
    public SqsBatchResponse {
        batchItemFailures = List.copyOf(batchItemFailures);
    }

    public record ItemFailure(String itemIdentifier) {
    }
}
