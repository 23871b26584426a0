package io.quayside.functions.gateway;

import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FederationMatchTest {
    private static final Sample CPU_A = sample("container_cpu_usage_seconds_total", "a");
    private static final Sample CPU_B = sample("container_cpu_usage_seconds_total", "b");
    private static final Sample MEMORY_A = sample("container_memory_usage_bytes", "a");
    private static final List<Sample> ALL = List.of(CPU_A, CPU_B, MEMORY_A);

    private static Sample sample(String name, String id) {
        return new Sample(Labels.of(Labels.METRIC_NAME, name, "id", id), 1, 1000);
    }

    private static List<Sample> federate(String... selectors) {
        return FederationMatch.parse(List.of(selectors)).filter(ALL);
    }

    @Test
    void aSeriesMatchingAnySelectorIsFederated() {
        assertThat(federate("container_cpu_usage_seconds_total")).containsExactly(CPU_A, CPU_B);
        assertThat(federate("{__name__=~\"container_.*\",id=\"a\"}")).containsExactly(CPU_A, MEMORY_A);
        assertThat(federate("{id=~\"b|c\"}", "container_memory_usage_bytes")).containsExactly(CPU_B, MEMORY_A);
        assertThat(federate("{__name__!~\".*cpu.*\",id!=\"\"}")).containsExactly(MEMORY_A);
        assertThat(federate("{id=\"zzz\"}")).isEmpty();
    }

    @Test
    void selectorsAreRequired() {
        assertThatThrownBy(() -> FederationMatch.parse(List.of())).isInstanceOf(GatewayException.class)
                .hasMessage("match[] parameter is required").extracting("status").isEqualTo(400);
        assertThatThrownBy(() -> FederationMatch.parse(null)).hasMessage("match[] parameter is required");
    }

    @Test
    void whatIsNotAPlainNonEmptySelectorIsRefusedWithTheParsersReason() {
        assertThatThrownBy(() -> federate("{}")).isInstanceOf(GatewayException.class)
                .hasMessageContaining("vector selector must contain at least one non-empty matcher");
        assertThatThrownBy(() -> federate("{id=~\".*\"}")).hasMessageContaining("at least one non-empty matcher");
        assertThatThrownBy(() -> federate("up{job=")).hasMessageStartingWith("invalid match[] \"up{job=\": 1:")
                .hasMessageContaining("parse error");
        assertThatThrownBy(() -> federate("{id=~\"(\"}")).isInstanceOf(GatewayException.class);
        for (String notASelector : List.of("up[5m]", "up offset 5m", "sum(up)", "1")) {
            assertThatThrownBy(() -> federate(notASelector)).isInstanceOf(GatewayException.class)
                    .hasMessageContaining("expected a series selector");
        }
    }
}
