package io.quayside.functions.tenancy;

/** How fast each tenant may call the gateway. */
public interface TenantRateLimits {
    RateLimit rateLimit(String tenant);
}
