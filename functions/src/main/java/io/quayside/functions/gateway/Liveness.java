package io.quayside.functions.gateway;

/** Liveness for launchers and load balancers: answers once the store and routes are up. */
public final class Liveness {
    private Liveness() {
    }

    public static GatewayAnswer answer() {
        return GatewayAnswer.text(200, GatewayAnswer.TEXT, "ok\n");
    }
}
