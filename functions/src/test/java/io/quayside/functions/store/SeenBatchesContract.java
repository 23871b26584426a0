package io.quayside.functions.store;

import io.quayside.functions.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every batch-id ledger must do; an adapter's test opens a fresh, empty one per call. */
public abstract class SeenBatchesContract {
    /** Real time, since DynamoDB (Local too) deletes items whose TTL has passed. */
    protected final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    /** An empty ledger keeping ids for {@code retention}, reading {@link #clock}. */
    protected abstract SeenBatches open(Duration retention);

    @Test
    void aRememberedIdIsSeenOnlyForItsTenant() {
        SeenBatches seen = open(Duration.ofHours(1));
        assertThat(seen.seen("a", "b-1")).isFalse();
        seen.remember("a", "b-1", clock.instant());
        assertThat(seen.seen("a", "b-1")).isTrue();
        assertThat(seen.seen("b", "b-1")).as("another tenant's batch of the same id").isFalse();
        assertThat(seen.seen("a", "b-2")).isFalse();
    }

    @Test
    void anIdIsForgottenAfterTheRetention() {
        SeenBatches seen = open(Duration.ofMinutes(10));
        seen.remember("a", "early", clock.instant());
        clock.advance(Duration.ofMinutes(6));
        seen.remember("a", "later", clock.instant());
        clock.advance(Duration.ofMinutes(4));
        assertThat(seen.seen("a", "early")).isFalse();
        assertThat(seen.seen("a", "later")).isTrue();
    }

    @Test
    void rememberingAgainRenewsTheRetention() {
        SeenBatches seen = open(Duration.ofMinutes(10));
        seen.remember("a", "b", clock.instant());
        clock.advance(Duration.ofMinutes(8));
        seen.remember("a", "b", clock.instant());
        clock.advance(Duration.ofMinutes(8));
        assertThat(seen.seen("a", "b")).isTrue();
    }

    @Test
    void idsOfAnyLengthAndAlphabetAreKeptApart() {
        SeenBatches seen = open(Duration.ofHours(1));
        String longId = "x".repeat(5000);
        seen.remember("a", longId, clock.instant());
        seen.remember("a", "ü/#:1", clock.instant());
        assertThat(seen.seen("a", longId)).isTrue();
        assertThat(seen.seen("a", longId + "y")).isFalse();
        assertThat(seen.seen("a", "ü/#:1")).isTrue();
        assertThat(seen.seen("a", "ü/#:2")).isFalse();
    }
}
