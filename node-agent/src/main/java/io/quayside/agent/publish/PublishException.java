package io.quayside.agent.publish;

/**
 * A send that failed.
 *
 * @see #retryable()
 */
public final class PublishException extends Exception {
    private final boolean retryable;

    public PublishException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** False when the receiver refused the content itself: sending it again would fail again. */
    public boolean retryable() {
        return retryable;
    }
}
