package io.quayside.functions.gateway;

import io.quayside.functions.tenancy.TenantRateLimiter;
import io.quayside.functions.tenancy.TenantRateLimits;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Makes the plain-Java rate limiter injectable. */
public class RateLimitBeans {
    @Produces
    @Singleton
    TenantRateLimiter limiter(TenantRateLimits limits, Clock clock) {
        return new TenantRateLimiter(limits, clock);
    }

}
