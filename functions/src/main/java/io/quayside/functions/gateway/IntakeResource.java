package io.quayside.functions.gateway;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@link IntakeAnswers} over HTTP. */
@Path("/v1")
public class IntakeResource {
    private final IntakeAnswers intake;

    public IntakeResource(IntakeAnswers intake) {
        this.intake = intake;
    }

    @POST
    @Path("ingest")
    @Consumes(MediaType.WILDCARD)
    public Response ingest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        return JaxRsAnswers.response(intake.ingest(authorization, body));
    }

    @POST
    @Path("events")
    @Consumes(MediaType.WILDCARD)
    public Response event(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        return JaxRsAnswers.response(intake.events(authorization, body));
    }
}
