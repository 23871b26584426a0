package io.quayside.model.codec;

/**
 * The bytes given to {@link SampleBatchCodec#decode} are not a batch this build can read. The
 * message says what is wrong and where, so a rejected delivery can be diagnosed from the log alone.
 */
public final class BatchFormatException extends RuntimeException {
    public BatchFormatException(String message) {
        super(message);
    }

    public BatchFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
