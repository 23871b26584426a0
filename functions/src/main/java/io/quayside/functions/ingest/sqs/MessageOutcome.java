package io.quayside.functions.ingest.sqs;

import io.quayside.functions.ingest.IngestResult;

/**
 * What became of one SQS message.
 *
 * @param batchId null when the message held no readable batch
 * @param tenant  null when the message held no readable batch
 * @param result  null unless {@link Kind#INGESTED}
 * @param reason  why a {@link Kind#REJECTED} message was refused, naming what was wrong
 */
public record MessageOutcome(String messageId, Kind kind, String batchId, String tenant, IngestResult result, String reason) {
    public enum Kind {
        INGESTED,
        /** A batch id taken in before: SQS delivered it again; deleted without counting it twice. */
        DUPLICATE,
        /** Not a Quayside batch, or one that failed: reported as a batch item failure, so it reaches the dead-letter queue. */
        REJECTED
    }

    static MessageOutcome rejected(SqsMessage message, String batchId, String tenant, String reason) {
        return new MessageOutcome(message.messageId(), Kind.REJECTED, batchId, tenant, null, reason);
    }
}
