package io.quayside.functions.gateway;

import io.quayside.functions.store.Container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prometheus HTTP service discovery: one target group per live container, all served by this gateway. */
public final class HttpSdTargets {
    private HttpSdTargets() {
    }

    public record TargetGroup(List<String> targets, Map<String, String> labels) {
    }

    public static List<TargetGroup> of(List<Container> containers, String gatewayAddress) {
        return containers.stream().filter(Container::live).map(container -> {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("__metrics_path__", GatewayPaths.containerMetrics(container.tenant(), container.id()));
            labels.put("container_id", container.id());
            labels.put("name", container.name());
            labels.put("image", container.image());
            labels.put("node", container.node());
            return new TargetGroup(List.of(gatewayAddress), labels);
        }).toList();
    }
}
