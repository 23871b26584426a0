package io.quayside.functions.gateway;

import io.quayside.functions.discover.DnsNames;
import io.quayside.functions.store.Container;

/** What discovery knows of a container, as the plain text that discovery answers (SD labels, LLD macros) carry. */
final class ContainerFacts {
    private ContainerFacts() {
    }

    static String dnsName(Container container) {
        return container.labels().getOrDefault(DnsNames.LABEL, "");
    }

    /**
     * The service part of the DNS name discovery gave it ({@code <name>.<service>.<tenant>.<zone>}),
     * so that services are named as DNS names them whatever service labels discovery is configured
     * with; without a DNS name, the container's name, as discovery would choose.
     */
    static String service(Container container) {
        String[] parts = dnsName(container).split("\\.");
        return parts.length > 1 ? parts[1] : text(container.name());
    }

    /** Label values and macros are text; an unknown fact is empty, which Prometheus reads as absent. */
    static String text(String value) {
        return value == null ? "" : value;
    }
}
