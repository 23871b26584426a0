package io.quayside.functions.gateway;

import io.micrometer.core.instrument.MeterRegistry;

/** Every refusal answers with its status and a one-line reason, and is counted by status. */
public final class Refusals {
    private final MeterRegistry meters;

    public Refusals(MeterRegistry meters) {
        this.meters = meters;
    }

    public GatewayAnswer refuse(GatewayException refusal) {
        return refusal(refusal.status(), refusal.getMessage());
    }

    /** Also counted by tenant, so that a tenant that needs a higher limit shows. */
    public GatewayAnswer overLimit(RateLimitExceeded refusal) {
        meters.counter("quayside_gateway_rate_limited_total", "tenant", refusal.tenant()).increment();
        return refusal(429, refusal.getMessage()).withHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
    }

    private GatewayAnswer refusal(int status, String message) {
        meters.counter("quayside_gateway_refused_total", "status", Integer.toString(status)).increment();
        return GatewayAnswer.text(status, GatewayAnswer.TEXT, message + "\n");
    }
}
