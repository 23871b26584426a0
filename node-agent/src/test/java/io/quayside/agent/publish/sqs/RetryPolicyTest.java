package io.quayside.agent.publish.sqs;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void theCeilingDoublesWithEachAttemptUpToTheMaximum() {
        assertThat(policy.delayAfter(1, 0.999)).isEqualTo(Duration.ofMillis(99));
        assertThat(policy.delayAfter(2, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayAfter(4, 0.5)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.delayAfter(9, 0.5)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(64, 0.5)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void fullJitterMayNotWaitAtAll() {
        assertThat(policy.delayAfter(3, 0.0)).isZero();
    }
}
