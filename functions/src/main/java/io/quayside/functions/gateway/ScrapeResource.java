package io.quayside.functions.gateway;

import io.quayside.functions.store.Container;
import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.model.Sample;
import io.quayside.model.exposition.PrometheusTextWriter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What Prometheus calls: per-tenant exposition and service discovery. */
@Path("/v1/{tenant}")
public class ScrapeResource {
    private final TenantGuard guard;
    private final ContainerRegistry registry;
    private final LatestSamples latest;
    private final Optional<String> advertisedAddress;

    public ScrapeResource(TenantGuard guard, ContainerRegistry registry, LatestSamples latest,
                          @ConfigProperty(name = "quayside.gateway.advertised-address") Optional<String> advertisedAddress) {
        this.guard = guard;
        this.registry = registry;
        this.latest = latest;
        this.advertisedAddress = advertisedAddress;
    }

    @GET
    @Path("metrics")
    @Produces(PrometheusTextWriter.CONTENT_TYPE)
    public String tenantMetrics(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.authorize(authorization, tenant);
        List<Sample> samples = new ArrayList<>();
        for (Container container : registry.list(tenant)) {
            samples.addAll(latest.latest(tenant, container.id()));
        }
        return PrometheusTextWriter.write(latest.families(tenant), samples);
    }

    @GET
    @Path("containers/{id}/metrics")
    @Produces(PrometheusTextWriter.CONTENT_TYPE)
    public String containerMetrics(@PathParam("tenant") String tenant, @PathParam("id") String containerId,
                                   @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.authorize(authorization, tenant);
        if (registry.find(tenant, containerId).isEmpty()) {
            throw new GatewayException(404, "unknown container '" + containerId + "' in tenant '" + tenant + "'");
        }
        return PrometheusTextWriter.write(latest.families(tenant), latest.latest(tenant, containerId));
    }

    @GET
    @Path("sd")
    @Produces(MediaType.APPLICATION_JSON)
    public List<HttpSdTargets.TargetGroup> serviceDiscovery(@PathParam("tenant") String tenant,
                                                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                                            @Context UriInfo uri) {
        guard.authorize(authorization, tenant);
        String address = advertisedAddress.orElseGet(() -> uri.getBaseUri().getAuthority());
        return HttpSdTargets.of(registry.list(tenant), address);
    }
}
