package io.quayside.functions.gateway;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@link ScrapeAnswers} over HTTP: exposition, HTTP SD and Zabbix LLD per tenant. */
@Path("/v1/{tenant}")
public class ScrapeResource {
    private final ScrapeAnswers scrape;

    public ScrapeResource(ScrapeAnswers scrape) {
        this.scrape = scrape;
    }

    @GET
    @Path("metrics")
    public Response tenantMetrics(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return JaxRsAnswers.response(scrape.tenantMetrics(tenant, authorization, accept));
    }

    @GET
    @Path("containers/{id}/metrics")
    public Response containerMetrics(@PathParam("tenant") String tenant, @PathParam("id") String containerId,
                                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return JaxRsAnswers.response(scrape.containerMetrics(tenant, containerId, authorization, accept));
    }

    @GET
    @Path("sd")
    public Response serviceDiscovery(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @Context UriInfo uri) {
        return JaxRsAnswers.response(scrape.serviceDiscovery(tenant, authorization, uri.getBaseUri().getAuthority()));
    }

    @GET
    @Path("lld")
    public Response lowLevelDiscovery(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return JaxRsAnswers.response(scrape.lowLevelDiscovery(tenant, authorization));
    }
}
