package io.quayside.functions.gateway;

import io.quayside.functions.tenancy.TenantRateLimiter;

import java.time.Duration;

/**
 * Every {@code /v1/{tenant}/...} request is authorized first and only then takes a token from its
 * tenant's bucket, so that callers without the tenant's token can neither spend its budget nor
 * learn its limit.
 */
public final class TenantAdmission {
    private final TenantGuard guard;
    private final TenantRateLimiter limiter;

    public TenantAdmission(TenantGuard guard, TenantRateLimiter limiter) {
        this.guard = guard;
        this.limiter = limiter;
    }

    /** @throws GatewayException when the caller may not act for the tenant; RateLimitExceeded when it must wait */
    public void admit(String authorization, String tenant) {
        guard.authorize(authorization, tenant);
        Duration wait = limiter.take(tenant);
        if (!wait.isZero()) {
            // Retry-After has whole seconds; rounding down would invite a retry that is refused again.
            throw new RateLimitExceeded(tenant, Math.max(1, (wait.toMillis() + 999) / 1000));
        }
    }
}
