package io.quayside.functions.gateway;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals over HTTP, answered as {@link Refusals} words them. */
public class GatewayExceptionMapper {
    private final Refusals refusals;

    public GatewayExceptionMapper(Refusals refusals) {
        this.refusals = refusals;
    }

    @ServerExceptionMapper
    public Response refuse(GatewayException refusal) {
        return JaxRsAnswers.response(refusals.refuse(refusal));
    }

    @ServerExceptionMapper
    public Response overLimit(RateLimitExceeded refusal) {
        return JaxRsAnswers.response(refusals.overLimit(refusal));
    }
}
