package io.quayside.functions.gateway;

/** A request the gateway refuses, with the HTTP status and a message that says why. */
public final class GatewayException extends RuntimeException {
    private final int status;

    public GatewayException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
