package io.quayside.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With sweeps a minute apart, only the agent's watch on runc's state can make new and removed
 * containers show in discovery within a second of {@code runc run} and {@code runc delete}.
 */
class LifecycleLatencyTest {
    @Test
    void containersAppearAndLeaveDiscoveryWithinASecond() throws Exception {
        Host.assumeRuncRuns();
        try (LocalStack stack = new LocalStack("lifecycle").with("QUAYSIDE_INTERVAL", "60s")) {
            stack.up();
            stack.awaitDemoTargets();
            String more = LocalStack.newPrefix();

            stack.demo("start", more);
            long shown = Host.millisUntil(() -> stack.targetIds().stream().filter(id -> id.startsWith(more)).count() == 3);
            stack.demo("stop", more);
            long gone = Host.millisUntil(() -> stack.targetIds().stream().noneMatch(id -> id.startsWith(more)));

            System.out.printf("e2e: new containers in discovery %d ms after 'runc run', removed %d ms after 'runc delete'%n", shown, gone);
            assertThat(shown).as("ms from runc run to discovery").isLessThan(2000);
            assertThat(gone).as("ms from runc delete to discovery").isLessThan(2000);
        }
    }
}
