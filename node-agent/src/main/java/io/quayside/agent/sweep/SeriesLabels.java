package io.quayside.agent.sweep;

import io.quayside.agent.runtimes.HostContainer;
import io.quayside.model.ContainerLabels;
import io.quayside.model.Labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels a container's series carry: {@code id}, {@code name}, {@code image}, {@code node},
 * {@code tenant}, and only those container labels that the allow-list names, because every
 * distinct label value is a new series (cAdvisor users had to turn labels off to survive).
 * An allow-list entry {@code key} becomes {@code container_label_<key>} as in cAdvisor;
 * {@code key=name} becomes {@code name}, e.g. {@code com.docker.compose.service=service}.
 */
public final class SeriesLabels {
    public static final String TENANT = "tenant";
    private static final String CADVISOR_PREFIX = "container_label_";

    private final Map<String, String> allowed = new LinkedHashMap<>();

    public SeriesLabels(List<String> allowList) {
        for (String entry : allowList) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? entry : entry.substring(0, eq);
            allowed.put(key, eq < 0 ? CADVISOR_PREFIX + sanitize(key) : sanitize(entry.substring(eq + 1)));
        }
    }

    public Labels of(HostContainer container, String tenant, String node) {
        Labels.Builder labels = Labels.builder();
        allowed.forEach((key, name) -> {
            String value = container.labels().get(key);
            if (value != null && !value.isEmpty()) {
                labels.add(name, value);
            }
        });
        return labels.add(ContainerLabels.ID, container.id()).add(ContainerLabels.NAME, container.name())
                .add(ContainerLabels.IMAGE, container.image()).add(ContainerLabels.NODE, node).add(TENANT, tenant).build();
    }

    /** Prometheus label names are [a-zA-Z_][a-zA-Z0-9_]*; anything else becomes '_'. */
    static String sanitize(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            out.append(ok ? c : '_');
        }
        return out.toString();
    }
}
