package io.quayside.functions.bench.cost;

import io.quayside.functions.ingest.Ingestor;
import io.quayside.functions.store.SeenBatches;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.BatchFormatException;
import io.quayside.model.codec.SampleBatchCodec;

import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * The ingest function's work on one SQS event, step for step as {@code ingest/sqs/QueuedBatches} on
 * main does it: per message, decode (base64, then the codec), skip a batch id already seen, ingest,
 * remember the id. QueuedBatches is not on this branch's base yet; when it is, call it instead.
 */
final class QueuedBatchIntake {
    private final Ingestor ingestor;
    private final SeenBatches seen;
    private final Clock clock;
    private final SampleBatchCodec codec = new SampleBatchCodec();

    QueuedBatchIntake(Ingestor ingestor, SeenBatches seen, Clock clock) {
        this.ingestor = ingestor;
        this.seen = seen;
        this.clock = clock;
    }

    /** @return how many of the messages were ingested (not repeats) */
    int takeIn(List<QueuedMessage> event) {
        int ingested = 0;
        for (QueuedMessage message : event) {
            SampleBatch batch = decode(message);
            if (!batch.tenant().equals(message.attributes().get(QueuedMessage.TENANT))) {
                throw new IllegalStateException("message " + message.messageId() + " claims tenant "
                        + message.attributes().get(QueuedMessage.TENANT) + " for a batch of " + batch.tenant());
            }
            if (!seen.seen(batch.tenant(), batch.batchId())) {
                ingestor.ingest(batch);
                seen.remember(batch.tenant(), batch.batchId(), clock.instant());
                ingested++;
            }
        }
        return ingested;
    }

    private SampleBatch decode(QueuedMessage message) {
        try {
            return codec.decode(Base64.getDecoder().decode(message.body()));
        } catch (BatchFormatException e) {
            throw new IllegalStateException("message " + message.messageId() + " holds no batch: " + e.getMessage(), e);
        }
    }
}
