package io.quayside.functions.discover;

import io.quayside.model.ContainerEvent;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Stable DNS-style names in the manner of Triton CNS: {@code <name>.<service>.<tenant>.<zone>},
 * each part cut down to a DNS label, so that the name of a container stays the same across its
 * events and restarts.
 *
 * @param serviceLabels the labels that may name the service, first found wins; without one, the service is the name
 * @param zone          the domain the names live under
 */
public record DnsNames(List<String> serviceLabels, String zone) {
    /** The label under which the registry keeps a container's name. */
    public static final String LABEL = "io.quayside.dns-name";
    private static final int MAX_LABEL = 63;
    /** Three parts of at most 63 characters and their dots leave this much of a name's 253. */
    private static final int MAX_ZONE = 253 - 3 * (MAX_LABEL + 1);
    private static final Pattern ZONE = Pattern.compile("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern NOT_IN_LABEL = Pattern.compile("[^a-z0-9-]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    public DnsNames {
        serviceLabels = List.copyOf(serviceLabels);
        if (zone.length() > MAX_ZONE || !ZONE.matcher(zone).matches()) {
            throw new IllegalArgumentException("invalid DNS zone '" + zone + "': use at most " + MAX_ZONE
                    + " characters, labels of lower-case letters, digits and '-' between dots");
        }
    }

    /** Quayside's own service label, then what Docker Compose and the ECS agent put on containers. */
    public static DnsNames defaults() {
        return new DnsNames(List.of("io.quayside.service", "com.docker.compose.service",
                "com.amazonaws.ecs.task-definition-family"), "svc.quayside");
    }

    public String nameOf(ContainerEvent event) {
        String service = serviceLabels.stream().map(event.labels()::get).filter(Objects::nonNull)
                .filter(value -> !value.isBlank()).findFirst().orElse(event.name());
        return String.join(".", label(event.name()), label(service), label(event.tenant()), zone);
    }

    /** Lower case, runs of anything but letters, digits and '-' as one '-', no '-' at either end, at most 63 characters. */
    static String label(String text) {
        String dashed = NOT_IN_LABEL.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
        String label = EDGE_DASHES.matcher(dashed.substring(0, Math.min(dashed.length(), MAX_LABEL))).replaceAll("");
        return label.isEmpty() ? "unnamed" : label;
    }
}
