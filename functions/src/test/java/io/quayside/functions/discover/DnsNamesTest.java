package io.quayside.functions.discover;

import io.quayside.model.ContainerEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DnsNamesTest {
    private static ContainerEvent container(String tenant, String name, Map<String, String> labels) {
        return new ContainerEvent(tenant, "n", "id-1", name, "img", labels, "docker", ContainerEvent.Kind.STARTED, Instant.EPOCH);
    }

    @Test
    void partsAreCutDownToDnsLabels() {
        assertThat(DnsNames.label("Shop_Web.1")).isEqualTo("shop-web-1");
        assertThat(DnsNames.label("/--web--/")).isEqualTo("web");
        assertThat(DnsNames.label("日本")).isEqualTo("unnamed");
        String longName = "a".repeat(62) + "_b" + "c".repeat(10);
        assertThat(DnsNames.label(longName)).isEqualTo("a".repeat(62)).hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void serviceIsTheFirstConfiguredLabelFoundElseTheName() {
        DnsNames names = new DnsNames(List.of("io.quayside.service", "com.docker.compose.service"), "dc1.example");
        assertThat(names.nameOf(container("local", "web-1", Map.of("com.docker.compose.service", "web",
                "io.quayside.service", "shop")))).isEqualTo("web-1.shop.local.dc1.example");
        assertThat(names.nameOf(container("local", "web-1", Map.of("com.docker.compose.service", "web"))))
                .isEqualTo("web-1.web.local.dc1.example");
        assertThat(names.nameOf(container("t_1", "worker", Map.of()))).isEqualTo("worker.worker.t-1.dc1.example");
    }

    @Test
    void zoneMustBeADnsNameLeavingRoomForThreeLabels() {
        assertThatThrownBy(() -> new DnsNames(List.of(), "Svc.Quayside")).hasMessageContaining("invalid DNS zone 'Svc.Quayside'");
        assertThatThrownBy(() -> new DnsNames(List.of(), "svc..quayside")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DnsNames(List.of(), "a".repeat(62))).isInstanceOf(IllegalArgumentException.class);
    }
}
