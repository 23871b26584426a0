package io.quayside.functions.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal answers with its status and a one-line reason, and is counted by status. */
public class GatewayExceptionMapper {
    private final MeterRegistry meters;

    public GatewayExceptionMapper(MeterRegistry meters) {
        this.meters = meters;
    }

    @ServerExceptionMapper
    public Response refuse(GatewayException refusal) {
        return refusal(refusal.status(), refusal.getMessage()).build();
    }

    /** Also counted by tenant, so that a tenant that needs a higher limit shows. */
    @ServerExceptionMapper
    public Response overLimit(RateLimitExceeded refusal) {
        meters.counter("quayside_gateway_rate_limited_total", "tenant", refusal.tenant()).increment();
        return refusal(429, refusal.getMessage()).header("Retry-After", refusal.retryAfterSeconds()).build();
    }

    private Response.ResponseBuilder refusal(int status, String message) {
        meters.counter("quayside_gateway_refused_total", "status", Integer.toString(status)).increment();
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(message + "\n");
    }
}
