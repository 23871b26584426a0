package io.quayside.functions.gateway;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@link Liveness} over HTTP. */
@Path("/healthz")
public class HealthResource {
    @GET
    public Response health() {
        return JaxRsAnswers.response(Liveness.answer());
    }
}
