package io.quayside.functions.bench.cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ContainerInsightsTest {

    @Test
    void pricesEachMetricAtTheTierItFallsIn() {
        assertThat(ContainerInsights.metricsPerMonth(1_000)).isCloseTo(300, within(1e-6));
        assertThat(ContainerInsights.metricsPerMonth(10_000)).isCloseTo(3_000, within(1e-6));
        assertThat(ContainerInsights.metricsPerMonth(250_000)).isCloseTo(3_000 + 24_000, within(1e-6));
        assertThat(ContainerInsights.metricsPerMonth(2_000_000)).isCloseTo(3_000 + 24_000 + 37_500 + 20_000, within(1e-6));
    }

    @Test
    void callsGrowWithResolution() {
        // 20 metrics every 10 s for 30 days: one call each time.
        assertThat(ContainerInsights.putRequestsPerMonth(20, 10)).isCloseTo(259_200, within(1e-6));
        assertThat(ContainerInsights.putRequestsPerMonth(20, 60)).isCloseTo(43_200, within(1e-6));
    }
}
