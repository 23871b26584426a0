package io.quayside.functions.tenancy;

import java.time.Clock;
import java.time.Duration;

/**
 * Allows {@code perSecond} requests a second on average and up to {@code burst} at once. Time
 * comes from the clock, so tests move time instead of sleeping.
 */
public final class TokenBucket {
    private final RateLimit limit;
    private final Clock clock;
    private final Object lock = new Object();
    private double tokens;
    private long refilledAtMillis;

    public TokenBucket(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.tokens = limit.burst();
        this.refilledAtMillis = clock.millis();
    }

    public RateLimit limit() {
        return limit;
    }

    /** Takes one request's token: zero when the request may go ahead, else how long until a token is there. */
    public Duration take() {
        synchronized (lock) {
            long now = clock.millis();
            tokens = Math.min(limit.burst(), tokens + Math.max(0, now - refilledAtMillis) * limit.perSecond() / 1000);
            refilledAtMillis = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / limit.perSecond() * 1e9));
        }
    }
}
