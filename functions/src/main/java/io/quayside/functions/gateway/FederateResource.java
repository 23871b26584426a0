package io.quayside.functions.gateway;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Prometheus federation over a tenant's latest samples, so that a Prometheus can pull selected
 * series with {@code match[]} as from another Prometheus' {@code /federate}.
 */
@Path("/v1/{tenant}/federate")
public class FederateResource {
    private final TenantGuard guard;
    private final LatestExposition exposition;

    public FederateResource(TenantGuard guard, LatestExposition exposition) {
        this.guard = guard;
        this.exposition = exposition;
    }

    @GET
    public Response federate(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept, @QueryParam("match[]") List<String> match) {
        guard.authorize(authorization, tenant);
        FederationMatch selectors = FederationMatch.parse(match);
        return exposition.respond(tenant, selectors.filter(exposition.ofTenant(tenant)), accept);
    }
}
