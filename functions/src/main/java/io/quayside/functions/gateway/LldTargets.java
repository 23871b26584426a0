package io.quayside.functions.gateway;

import io.quayside.functions.store.Container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zabbix low-level discovery: one row of LLD macros per live container, in the
 * {@code {"data":[{"{#MACRO}":"value"}]}} shape that a Zabbix discovery rule reads.
 */
public final class LldTargets {
    private LldTargets() {
    }

    public static Map<String, List<Map<String, String>>> of(List<Container> containers) {
        return Map.of("data", containers.stream().filter(Container::live).map(LldTargets::macros).toList());
    }

    private static Map<String, String> macros(Container container) {
        Map<String, String> macros = new LinkedHashMap<>();
        macros.put("{#CONTAINER}", container.id());
        macros.put("{#NAME}", ContainerFacts.text(container.name()));
        macros.put("{#SERVICE}", ContainerFacts.service(container));
        macros.put("{#IMAGE}", ContainerFacts.text(container.image()));
        macros.put("{#NODE}", ContainerFacts.text(container.node()));
        macros.put("{#DNSNAME}", ContainerFacts.dnsName(container));
        return macros;
    }
}
