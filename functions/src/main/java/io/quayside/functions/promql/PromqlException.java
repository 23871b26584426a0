package io.quayside.functions.promql;

/** A query that cannot be parsed or evaluated; the message is the one Prometheus gives. */
public class PromqlException extends RuntimeException {
    public PromqlException(String message) {
        super(message);
    }
}
