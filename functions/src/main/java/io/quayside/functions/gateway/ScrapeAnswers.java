package io.quayside.functions.gateway;

import io.quayside.functions.discover.Discovery;
import io.quayside.functions.store.ContainerRegistry;

import java.util.List;
import java.util.Optional;

/**
 * What Prometheus and Zabbix call: per-tenant exposition in the format the scraper prefers,
 * federation by {@code match[]}, and discovery of the tenant's containers (Prometheus HTTP SD,
 * Zabbix LLD).
 */
public final class ScrapeAnswers {
    private final TenantGuard guard;
    private final ContainerRegistry registry;
    private final Discovery discovery;
    private final LatestExposition exposition;
    private final GatewayJson json;
    private final Optional<String> advertisedAddress;

    /** @param advertisedAddress host:port that SD targets name; by default the host the request was sent to */
    public ScrapeAnswers(TenantGuard guard, ContainerRegistry registry, Discovery discovery, LatestExposition exposition,
                         GatewayJson json, Optional<String> advertisedAddress) {
        this.guard = guard;
        this.registry = registry;
        this.discovery = discovery;
        this.exposition = exposition;
        this.json = json;
        this.advertisedAddress = advertisedAddress;
    }

    /** @param accept the request's Accept header, or null */
    public GatewayAnswer tenantMetrics(String tenant, String authorization, String accept) {
        guard.authorize(authorization, tenant);
        return exposition.respond(tenant, exposition.ofTenant(tenant), accept);
    }

    public GatewayAnswer containerMetrics(String tenant, String containerId, String authorization, String accept) {
        guard.authorize(authorization, tenant);
        return exposition.respond(tenant, exposition.ofContainer(tenant, containerId), accept);
    }

    public GatewayAnswer federate(String tenant, String authorization, String accept, List<String> match) {
        guard.authorize(authorization, tenant);
        FederationMatch selectors = FederationMatch.parse(match);
        return exposition.respond(tenant, selectors.filter(exposition.ofTenant(tenant)), accept);
    }

    /** @param requestHost the host (and port) the request was sent to */
    public GatewayAnswer serviceDiscovery(String tenant, String authorization, String requestHost) {
        guard.authorize(authorization, tenant);
        String address = advertisedAddress.orElse(requestHost);
        return json.ok(HttpSdTargets.of(registry.list(tenant), address, discovery::isStale));
    }

    public GatewayAnswer lowLevelDiscovery(String tenant, String authorization) {
        guard.authorize(authorization, tenant);
        return json.ok(LldTargets.of(registry.list(tenant)));
    }
}
