package io.quayside.agent.publish.sqs;

import java.time.Duration;

/**
 * How often and how patiently a send is tried: exponential backoff with full jitter, so that many
 * agents that lost the queue at the same moment do not come back in step.
 *
 * @param maxAttempts tries in all, the first included
 * @param baseDelay   the longest wait after the first failure; it doubles with each further one
 * @param maxDelay    the longest wait whatever the attempt
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay: " + baseDelay + ", " + maxDelay);
        }
    }

    /** 4 tries, waiting up to 200 ms, 400 ms and 800 ms between them: a few seconds at worst, well inside an interval. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based).
     *
     * @param unitRandom a number in [0, 1)
     */
    public Duration delayAfter(int attempt, double unitRandom) {
        long ceiling = baseDelay.toMillis() << Math.min(attempt - 1, 30);
        if (ceiling < 0 || ceiling > maxDelay.toMillis()) {
            ceiling = maxDelay.toMillis();
        }
        return Duration.ofMillis((long) (unitRandom * ceiling));
    }
}
