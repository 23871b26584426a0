package io.quayside.functions.discover.sources;

/** A payload that is no lifecycle event Quayside reads; the message names what is wrong. */
public final class LifecycleEventException extends RuntimeException {
    public LifecycleEventException(String message) {
        super(message);
    }

    public LifecycleEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
