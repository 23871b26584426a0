package io.quayside.functions.gateway;

/** A request over its tenant's rate limit: answered 429 with {@code Retry-After}. */
public final class RateLimitExceeded extends RuntimeException {
    private final String tenant;
    private final long retryAfterSeconds;

    public RateLimitExceeded(String tenant, long retryAfterSeconds) {
        // No stack trace: a tenant over its limit may cause thousands of these a second.
        super("tenant '" + tenant + "' is over its rate limit; retry in " + retryAfterSeconds + " s", null, false, false);
        this.tenant = tenant;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String tenant() {
        return tenant;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
