package io.quayside.functions.gateway;

import io.quayside.functions.discover.DnsNames;
import io.quayside.functions.store.Container;
import io.quayside.model.ContainerEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus HTTP SD groups and Zabbix LLD rows built from the registry's containers. */
class DiscoveryAnswersTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static Container container(String id, ContainerEvent.Kind state, Map<String, String> labels) {
        return new Container("local", id, "name-" + id, "busybox:1.36", "node-1", "runc", labels, state, T0, T0);
    }

    private static final Container WEB = container("web", ContainerEvent.Kind.STARTED, Map.of(DnsNames.LABEL,
            "name-web.shop.local.svc.quayside", "com.docker.compose.service", "Shop", "a.b", "dot", "a-b", "dash", "9lives", "x"));
    private static final Container BARE = container("bare", ContainerEvent.Kind.CREATED, Map.of());
    private static final Container STOPPED = container("stopped", ContainerEvent.Kind.STOPPED, Map.of());

    @Test
    void sdGroupsKeepTargetLabelsAndAddMetaLabels() {
        List<HttpSdTargets.TargetGroup> groups = HttpSdTargets.of(List.of(WEB, BARE, STOPPED), "gw:8480", c -> c == BARE);

        assertThat(groups).extracting(group -> group.labels().get("container_id")).containsExactly("web", "bare");
        assertThat(groups.get(0).targets()).containsExactly("gw:8480");
        assertThat(groups.get(0).labels()).containsEntry("__metrics_path__", "/v1/local/containers/web/metrics")
                .containsEntry("name", "name-web").containsEntry("image", "busybox:1.36").containsEntry("node", "node-1")
                .containsEntry("__meta_quayside_name", "name-web").containsEntry("__meta_quayside_image", "busybox:1.36")
                .containsEntry("__meta_quayside_service", "shop").containsEntry("__meta_quayside_node", "node-1")
                .containsEntry("__meta_quayside_dns_name", "name-web.shop.local.svc.quayside")
                .containsEntry("__meta_quayside_runtime", "runc").containsEntry("__meta_quayside_state", "started")
                .containsEntry("__meta_quayside_stale", "false")
                .containsEntry("__meta_quayside_label_com_docker_compose_service", "Shop")
                .containsEntry("__meta_quayside_label_io_quayside_dns_name", "name-web.shop.local.svc.quayside")
                .containsEntry("__meta_quayside_label_9lives", "x")
                .containsEntry("__meta_quayside_label_a_b", "dash"); // "a-b" sorts before "a.b" and wins
        assertThat(groups.get(1).labels()).containsEntry("__meta_quayside_stale", "true")
                .containsEntry("__meta_quayside_state", "created").containsEntry("__meta_quayside_service", "name-bare")
                .containsEntry("__meta_quayside_dns_name", "");
    }

    @Test
    void sanitizedLabelNamesFollowPrometheusRules() {
        assertThat(HttpSdTargets.labelName("com.example/team-name")).isEqualTo("__meta_quayside_label_com_example_team_name")
                .matches("[a-zA-Z_][a-zA-Z0-9_]*");
    }

    @Test
    void lldHasOneRowOfMacrosPerLiveContainer() {
        assertThat(LldTargets.of(List.of(WEB, STOPPED))).isEqualTo(Map.of("data", List.of(Map.of(
                "{#CONTAINER}", "web", "{#NAME}", "name-web", "{#SERVICE}", "shop", "{#IMAGE}", "busybox:1.36",
                "{#NODE}", "node-1", "{#DNSNAME}", "name-web.shop.local.svc.quayside"))));
        assertThat(LldTargets.of(List.of())).isEqualTo(Map.of("data", List.of()));
    }
}
