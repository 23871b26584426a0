package io.quayside.functions.gateway;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Prometheus federation over a tenant's latest samples, so that a Prometheus can pull selected
 * series with {@code match[]} as from another Prometheus' {@code /federate}.
 */
@Path("/v1/{tenant}/federate")
public class FederateResource {
    private final ScrapeAnswers scrape;

    public FederateResource(ScrapeAnswers scrape) {
        this.scrape = scrape;
    }

    @GET
    public Response federate(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context UriInfo uri) {
        FormFields query = FormFields.parse(uri.getRequestUri().getRawQuery());
        return JaxRsAnswers.response(scrape.federate(tenant, authorization, accept, query.all("match[]")));
    }
}
