package io.quayside.functions.gateway;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Admits every matched {@code /v1/{tenant}/...} request, by token and rate limit, before its resource runs. */
public class RateLimitFilter {
    private static final String TENANT = "tenant";

    private final TenantAdmission admission;

    public RateLimitFilter(TenantAdmission admission) {
        this.admission = admission;
    }

    @ServerRequestFilter
    public void limit(UriInfo uri, HttpHeaders headers) {
        String tenant = uri.getPathParameters().getFirst(TENANT);
        if (tenant == null || !uri.getPath().startsWith("/v1/")) {
            return;
        }
        admission.admit(headers.getHeaderString(HttpHeaders.AUTHORIZATION), tenant);
    }
}
