package io.quayside.functions.store.embedded;

import io.quayside.functions.store.SeenBatches;
import io.quayside.functions.store.SeenBatchesContract;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedSeenBatchesTest extends SeenBatchesContract {
    @Override
    protected SeenBatches open(Duration retention) {
        return new EmbeddedSeenBatches(retention, 1000, clock);
    }

    @Test
    void theOldestIdsMakeRoomPastTheBound() {
        EmbeddedSeenBatches seen = new EmbeddedSeenBatches(Duration.ofHours(1), 3, clock);
        for (int i = 1; i <= 5; i++) {
            seen.remember("a", "b" + i, clock.instant());
        }
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.seen("a", "b2")).isFalse();
        assertThat(seen.seen("a", "b3")).isTrue();
        assertThat(seen.seen("a", "b5")).isTrue();
    }

    @Test
    void expiredIdsLeaveWithoutWaitingForTheBound() {
        EmbeddedSeenBatches seen = new EmbeddedSeenBatches(Duration.ofMinutes(1), 1000, clock);
        seen.remember("a", "old", clock.instant());
        clock.advance(Duration.ofMinutes(2));
        seen.remember("a", "new", clock.instant());
        assertThat(seen.size()).isEqualTo(1);
    }
}
