package io.quayside.functions.gateway;

import io.quayside.functions.store.Container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Prometheus HTTP service discovery: one target group per live container, all served by this gateway.
 * Besides the target labels scrapes keep, each group carries {@code __meta_quayside_*} labels, which
 * Prometheus drops after relabeling, for relabel rules to pick from.
 */
public final class HttpSdTargets {
    static final String META = "__meta_quayside_";
    private static final Pattern NOT_IN_LABEL_NAME = Pattern.compile("[^a-zA-Z0-9_]");

    private HttpSdTargets() {
    }

    public record TargetGroup(List<String> targets, Map<String, String> labels) {
    }

    public static List<TargetGroup> of(List<Container> containers, String gatewayAddress, Predicate<Container> stale) {
        return containers.stream().filter(Container::live).map(container -> {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("__metrics_path__", GatewayPaths.containerMetrics(container.tenant(), container.id()));
            labels.put("container_id", container.id());
            labels.put("name", container.name());
            labels.put("image", container.image());
            labels.put("node", container.node());
            labels.putAll(metaLabels(container, stale.test(container)));
            return new TargetGroup(List.of(gatewayAddress), labels);
        }).toList();
    }

    private static Map<String, String> metaLabels(Container container, boolean stale) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(META + "name", ContainerFacts.text(container.name()));
        meta.put(META + "image", ContainerFacts.text(container.image()));
        meta.put(META + "service", ContainerFacts.service(container));
        meta.put(META + "node", ContainerFacts.text(container.node()));
        meta.put(META + "dns_name", ContainerFacts.dnsName(container));
        meta.put(META + "runtime", ContainerFacts.text(container.runtime()));
        meta.put(META + "state", container.state().name().toLowerCase(Locale.ROOT));
        meta.put(META + "stale", Boolean.toString(stale));
        // Sorted, and the first of two labels that sanitize alike wins, so the answer is the same every time.
        new TreeMap<>(container.labels()).forEach((name, value) -> meta.putIfAbsent(labelName(name), value));
        return meta;
    }

    /** A container label's name under Prometheus' label-name rules, as its own SDs sanitize them. */
    static String labelName(String containerLabel) {
        return META + "label_" + NOT_IN_LABEL_NAME.matcher(containerLabel).replaceAll("_");
    }
}
