package io.quayside.functions.gateway;

import io.quayside.functions.tenancy.TenantRateLimiter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;

/**
 * Every {@code /v1/{tenant}/...} request is authorized first and only then takes a token from its
 * tenant's bucket, so that callers without the tenant's token can neither spend its budget nor
 * learn its limit.
 */
public class RateLimitFilter {
    private static final String TENANT = "tenant";

    private final TenantGuard guard;
    private final TenantRateLimiter limiter;

    public RateLimitFilter(TenantGuard guard, TenantRateLimiter limiter) {
        this.guard = guard;
        this.limiter = limiter;
    }

    @ServerRequestFilter
    public void limit(UriInfo uri, HttpHeaders headers) {
        String tenant = uri.getPathParameters().getFirst(TENANT);
        if (tenant == null || !uri.getPath().startsWith("/v1/")) {
            return;
        }
        guard.authorize(headers.getHeaderString(HttpHeaders.AUTHORIZATION), tenant);
        Duration wait = limiter.take(tenant);
        if (!wait.isZero()) {
            // Retry-After has whole seconds; rounding down would invite a retry that is refused again.
            throw new RateLimitExceeded(tenant, Math.max(1, (wait.toMillis() + 999) / 1000));
        }
    }
}
