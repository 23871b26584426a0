package io.quayside.agent.publish.sqs;

import io.quayside.agent.publish.PublishException;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Runs a send until it succeeds, fails for good, or runs out of attempts, waiting as the policy says in between. */
public final class BackoffRetry {
    /** A send that reports its failure as retryable or not. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws PublishException;
    }

    /** How waiting is done; tests pass one that records the waits and returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper THREAD = delay -> Thread.sleep(delay.toMillis());

        void sleep(Duration delay) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier unitRandom;

    public BackoffRetry(RetryPolicy policy, Sleeper sleeper, DoubleSupplier unitRandom) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.unitRandom = unitRandom;
    }

    /** @throws PublishException the last failure: one that is not retryable, or the last attempt's */
    public <T> T call(Attempt<T> attempt) throws PublishException {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.run();
            } catch (PublishException e) {
                if (!e.retryable() || tried == policy.maxAttempts()) {
                    throw e;
                }
                pause(policy.delayAfter(tried, unitRandom.getAsDouble()), e);
            }
        }
    }

    private void pause(Duration delay, PublishException failure) throws PublishException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting to retry: " + failure.getMessage(), true, failure);
        }
    }
}
