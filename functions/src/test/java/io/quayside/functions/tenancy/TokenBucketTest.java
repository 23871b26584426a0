package io.quayside.functions.tenancy;

import io.quayside.functions.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {
    private final TestClock clock = new TestClock();

    @Test
    void burstThenOneRequestPerRefill() {
        TokenBucket bucket = new TokenBucket(new RateLimit(10, 3), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take()).isZero();
        }
        assertThat(bucket.take()).isEqualTo(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(40));
        assertThat(bucket.take()).isEqualTo(Duration.ofMillis(60));
        clock.advance(Duration.ofMillis(60));
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void refillsNoFurtherThanTheBurst() {
        TokenBucket bucket = new TokenBucket(new RateLimit(10, 2), clock);
        clock.advance(Duration.ofHours(1));
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isPositive();
    }

    @Test
    void slowRatesWaitLong() {
        TokenBucket bucket = new TokenBucket(new RateLimit(0.01, 1), clock);
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void eachTenantHasItsOwnBucketAndANewLimitTakesEffect() {
        Map<String, RateLimit> limits = new HashMap<>(Map.of("a", new RateLimit(1, 1), "b", new RateLimit(1, 1)));
        TenantRateLimiter limiter = new TenantRateLimiter(limits::get, clock);
        assertThat(limiter.take("a")).isZero();
        assertThat(limiter.take("a")).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.take("b")).isZero();
        limits.put("a", new RateLimit(1, 5));
        assertThat(limiter.take("a")).isZero();
    }
}
