package io.quayside.functions.ingest.sqs;

import io.quayside.functions.ingest.IngestResult;

import java.util.Locale;

/**
 * What became of one SQS message.
 *
 * @param batchId null when the message held no readable batch
 * @param tenant  null when the message held no readable batch
 * @param result  null unless {@link Kind#INGESTED}
 * @param refusal null unless {@link Kind#REJECTED}
 * @param reason  why a {@link Kind#REJECTED} message was refused, naming what was wrong
 */
public record MessageOutcome(String messageId, Kind kind, String batchId, String tenant, IngestResult result,
                             Refusal refusal, String reason) {
    public enum Kind {
        INGESTED,
        /** A batch id taken in before: SQS delivered it again; deleted without counting it twice. */
        DUPLICATE,
        /** Not a Quayside batch, or one that failed: reported as a batch item failure, so it reaches the dead-letter queue. */
        REJECTED
    }

    /** Why a message was rejected, in few enough kinds to count by. */
    public enum Refusal {
        /** Not base64, or not a batch the codec reads. */
        MALFORMED,
        /** The {@code tenant} message attribute names another tenant than the batch. */
        TENANT_MISMATCH,
        /** The caller may not write for the batch's tenant. */
        FORBIDDEN,
        /** The store failed; SQS delivers the message again. */
        INGEST_FAILED;

        /** As a metric label: {@code tenant_mismatch}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static MessageOutcome rejected(SqsMessage message, String batchId, String tenant, Refusal refusal, String reason) {
        return new MessageOutcome(message.messageId(), Kind.REJECTED, batchId, tenant, null, refusal, reason);
    }
}
