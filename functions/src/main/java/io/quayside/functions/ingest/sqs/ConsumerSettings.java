package io.quayside.functions.ingest.sqs;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SqsQueueConsumer} reads its queue.
 *
 * @param queueUrl     the queue, {@code <endpoint>/<account>/<name>}
 * @param region       the queue's region, named in each message's {@code eventSourceARN} and {@code awsRegion}
 * @param maxMessages  per receive, 1 to 10 (SQS's limit)
 * @param waitTime     long poll, 1 to 20 s (SQS's limit; without a wait an idle queue would be polled in a busy loop);
 *                     a stop waits for the receive under way
 * @param backoff      the first wait after a failed receive, doubled on each failure in a row
 * @param backoffMax   no wait after a failed receive is longer
 */
public record ConsumerSettings(URI queueUrl, String region, int maxMessages, Duration waitTime, Duration backoff, Duration backoffMax) {
    public ConsumerSettings {
        Objects.requireNonNull(queueUrl, "queueUrl is required");
        Objects.requireNonNull(region, "region is required");
        if (maxMessages < 1 || maxMessages > 10) {
            throw new IllegalArgumentException("maxMessages must be 1 to 10, not " + maxMessages);
        }
        if (waitTime.compareTo(Duration.ofSeconds(1)) < 0 || waitTime.compareTo(Duration.ofSeconds(20)) > 0) {
            throw new IllegalArgumentException("waitTime must be 1 to 20 s, not " + waitTime);
        }
        if (backoff.isNegative() || backoff.isZero() || backoffMax.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and at most backoffMax, not " + backoff + " and " + backoffMax);
        }
    }

    /** The wait after the given number of failed receives in a row (1 for the first). */
    Duration backoffAfter(int failuresInRow) {
        int doublings = Math.min(failuresInRow - 1, 30);
        Duration wait = backoff.multipliedBy(1L << doublings);
        return wait.compareTo(backoffMax) > 0 || wait.isNegative() ? backoffMax : wait;
    }

    /** The queue's name: the last segment of its URL. */
    String queueName() {
        return QueueArn.segments(queueUrl)[1];
    }
}
