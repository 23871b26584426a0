package io.quayside.agent.publish.sqs;

import java.net.URI;
import java.util.Objects;

/**
 * Where and how the SQS publisher sends.
 *
 * @param samplesQueue   URL of the queue that takes batches
 * @param eventsQueue    URL of the queue that takes container events
 * @param maxBodyChars   largest message body; larger batches are split
 */
public record SqsSettings(URI samplesQueue, URI eventsQueue, int maxBodyChars, RetryPolicy retry) {
    public SqsSettings {
        Objects.requireNonNull(samplesQueue, "samplesQueue");
        Objects.requireNonNull(eventsQueue, "eventsQueue");
        Objects.requireNonNull(retry, "retry");
    }

    public SqsSettings(URI samplesQueue, URI eventsQueue) {
        this(samplesQueue, eventsQueue, BatchSplitter.DEFAULT_MAX_BODY_CHARS, RetryPolicy.defaults());
    }
}
