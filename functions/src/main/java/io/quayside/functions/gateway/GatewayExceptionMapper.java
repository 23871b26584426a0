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
        meters.counter("quayside_gateway_refused_total", "status", Integer.toString(refusal.status())).increment();
        return Response.status(refusal.status()).type(MediaType.TEXT_PLAIN_TYPE).entity(refusal.getMessage() + "\n").build();
    }
}
