package io.quayside.functions.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A token bucket per tenant, sized by the tenant's current limit: a changed limit starts a full bucket. */
public final class TenantRateLimiter {
    private final TenantRateLimits limits;
    private final Clock clock;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public TenantRateLimiter(TenantRateLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Zero when {@code tenant} may make a request now, else how long it must wait. */
    public Duration take(String tenant) {
        RateLimit limit = limits.rateLimit(tenant);
        TokenBucket bucket = buckets.compute(tenant,
                (name, current) -> current != null && current.limit().equals(limit) ? current : new TokenBucket(limit, clock));
        return bucket.take();
    }
}
