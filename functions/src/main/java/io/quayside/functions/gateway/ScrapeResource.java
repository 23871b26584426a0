package io.quayside.functions.gateway;

import io.quayside.functions.discover.Discovery;
import io.quayside.functions.store.ContainerRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Prometheus and Zabbix call: per-tenant exposition in the format the scraper prefers, and
 * discovery of the tenant's containers (Prometheus HTTP SD, Zabbix LLD).
 */
@Path("/v1/{tenant}")
public class ScrapeResource {
    private final TenantGuard guard;
    private final ContainerRegistry registry;
    private final Discovery discovery;
    private final LatestExposition exposition;
    private final Optional<String> advertisedAddress;

    public ScrapeResource(TenantGuard guard, ContainerRegistry registry, Discovery discovery, LatestExposition exposition,
                          @ConfigProperty(name = "quayside.gateway.advertised-address") Optional<String> advertisedAddress) {
        this.guard = guard;
        this.registry = registry;
        this.discovery = discovery;
        this.exposition = exposition;
        this.advertisedAddress = advertisedAddress;
    }

    @GET
    @Path("metrics")
    public Response tenantMetrics(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        guard.authorize(authorization, tenant);
        return exposition.respond(tenant, exposition.ofTenant(tenant), accept);
    }

    @GET
    @Path("containers/{id}/metrics")
    public Response containerMetrics(@PathParam("tenant") String tenant, @PathParam("id") String containerId,
                                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        guard.authorize(authorization, tenant);
        return exposition.respond(tenant, exposition.ofContainer(tenant, containerId), accept);
    }

    @GET
    @Path("sd")
    @Produces(MediaType.APPLICATION_JSON)
    public List<HttpSdTargets.TargetGroup> serviceDiscovery(@PathParam("tenant") String tenant,
                                                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                                            @Context UriInfo uri) {
        guard.authorize(authorization, tenant);
        String address = advertisedAddress.orElseGet(() -> uri.getBaseUri().getAuthority());
        return HttpSdTargets.of(registry.list(tenant), address, discovery::isStale);
    }

    @GET
    @Path("lld")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<Map<String, String>>> lowLevelDiscovery(@PathParam("tenant") String tenant,
                                                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.authorize(authorization, tenant);
        return LldTargets.of(registry.list(tenant));
    }
}
