package io.quayside.functions.store;

import io.quayside.model.ContainerEvent;

import java.time.Instant;
import java.util.Map;

/**
 * A container as the registry knows it: what its last lifecycle event said.
 *
 * @param state     the kind of the last event applied
 * @param updatedAt the time of that event; older events no longer change the entry
 */
public record Container(String tenant, String id, String name, String image, String node, String runtime,
                        Map<String, String> labels, ContainerEvent.Kind state, Instant updatedAt) {

    public Container {
        labels = Map.copyOf(labels);
    }

    public static Container from(ContainerEvent event) {
        return new Container(event.tenant(), event.containerId(), event.name(), event.image(), event.node(),
                event.runtime(), event.labels(), event.kind(), event.time());
    }

    /** Created or started: a target worth scraping. */
    public boolean live() {
        return state == ContainerEvent.Kind.CREATED || state == ContainerEvent.Kind.STARTED;
    }
}
