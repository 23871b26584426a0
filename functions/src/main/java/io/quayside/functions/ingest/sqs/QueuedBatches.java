package io.quayside.functions.ingest.sqs;

import io.quayside.functions.ingest.IngestResult;
import io.quayside.functions.ingest.Ingestor;
import io.quayside.functions.store.SeenBatches;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.BatchFormatException;
import io.quayside.model.codec.SampleBatchCodec;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * Takes in the batches of an SQS event one message at a time, so that one bad message fails alone:
 * each message is ingested, recognised as a repeat, or rejected with its reason.
 */
public final class QueuedBatches {
    /** The message attributes the agent's SQS publisher sets. */
    static final String TENANT = "tenant";
    static final String BATCH_ID = "batch-id";

    private final Ingestor ingestor;
    private final SeenBatches seen;
    private final Clock clock;
    private final SampleBatchCodec codec = new SampleBatchCodec();

    public QueuedBatches(Ingestor ingestor, SeenBatches seen, Clock clock) {
        this.ingestor = ingestor;
        this.seen = seen;
        this.clock = clock;
    }

    /**
     * @param granted whether the caller may write for a tenant: a message of any other tenant is
     *                rejected, and nothing of it is taken in
     */
    public List<MessageOutcome> takeIn(SqsEvent event, Predicate<String> granted) {
        List<MessageOutcome> outcomes = new ArrayList<>(event.records().size());
        for (SqsMessage message : event.records()) {
            outcomes.add(takeIn(message, granted));
        }
        return outcomes;
    }

    /** The messages to report as batch item failures: every rejected one, and no other. */
    public static SqsBatchResponse response(List<MessageOutcome> outcomes) {
        return new SqsBatchResponse(outcomes.stream()
                .filter(outcome -> outcome.kind() == MessageOutcome.Kind.REJECTED)
                .map(outcome -> new SqsBatchResponse.ItemFailure(outcome.messageId()))
                .toList());
    }

    private MessageOutcome takeIn(SqsMessage message, Predicate<String> granted) {
        SampleBatch batch;
        try {
            batch = decode(message);
        } catch (RuntimeException e) {
            return MessageOutcome.rejected(message, message.attribute(BATCH_ID), message.attribute(TENANT),
                    MessageOutcome.Refusal.MALFORMED, "not a Quayside batch: " + e.getMessage());
        }
        String claimedTenant = message.attribute(TENANT);
        if (claimedTenant != null && !claimedTenant.equals(batch.tenant())) {
            return MessageOutcome.rejected(message, batch.batchId(), batch.tenant(), MessageOutcome.Refusal.TENANT_MISMATCH,
                    "message attribute tenant '" + claimedTenant + "' differs from the batch's tenant '" + batch.tenant() + "'");
        }
        if (!granted.test(batch.tenant())) {
            return MessageOutcome.rejected(message, batch.batchId(), batch.tenant(), MessageOutcome.Refusal.FORBIDDEN,
                    "the caller may not write for tenant '" + batch.tenant() + "'");
        }
        if (seen.seen(batch.tenant(), batch.batchId())) {
            return new MessageOutcome(message.messageId(), MessageOutcome.Kind.DUPLICATE, batch.batchId(), batch.tenant(), null,
                    null, null);
        }
        try {
            IngestResult result = ingestor.ingest(batch);
            seen.remember(batch.tenant(), batch.batchId(), clock.instant());
            return new MessageOutcome(message.messageId(), MessageOutcome.Kind.INGESTED, batch.batchId(), batch.tenant(), result,
                    null, null);
        } catch (RuntimeException e) {
            // Left for SQS to deliver again: a store that failed now may take it on the next receive.
            return MessageOutcome.rejected(message, batch.batchId(), batch.tenant(), MessageOutcome.Refusal.INGEST_FAILED,
                    "ingest failed: " + e);
        }
    }

    private SampleBatch decode(SqsMessage message) throws BatchFormatException {
        if (message.body() == null || message.body().isEmpty()) {
            throw new BatchFormatException("empty message body");
        }
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(message.body());
        } catch (IllegalArgumentException e) {
            throw new BatchFormatException("body is not base64 (" + e.getMessage() + ")");
        }
        return codec.decode(encoded);
    }
}
