package io.quayside.functions.store;

import io.quayside.model.ContainerEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A container as the registry knows it: what its last lifecycle event said.
 *
 * @param state     the kind of the last event applied
 * @param updatedAt the time of that event; older events no longer change the entry
 * @param lastSeen  when Quayside last heard from or about the container (an event, or samples once
 *                  ingest touches it); a registry file without it reads as {@code updatedAt}
 */
public record Container(String tenant, String id, String name, String image, String node, String runtime,
                        Map<String, String> labels, ContainerEvent.Kind state, Instant updatedAt, Instant lastSeen) {

    public Container {
        labels = Map.copyOf(labels);
        lastSeen = lastSeen == null ? updatedAt : lastSeen;
    }

    public static Container from(ContainerEvent event) {
        return new Container(event.tenant(), event.containerId(), event.name(), event.image(), event.node(),
                event.runtime(), event.labels(), event.kind(), event.time(), event.time());
    }

    public Container withLabel(String key, String value) {
        Map<String, String> more = new HashMap<>(labels);
        more.put(key, value);
        return new Container(tenant, id, name, image, node, runtime, more, state, updatedAt, lastSeen);
    }

    public Container seenAt(Instant time) {
        return new Container(tenant, id, name, image, node, runtime, labels, state, updatedAt, time);
    }

    /** Equal but for when it was last seen: applying it again would change nothing. */
    public boolean sameAs(Container other) {
        return equals(other.seenAt(lastSeen));
    }

    /** Created or started: a target worth scraping. */
    public boolean live() {
        return state == ContainerEvent.Kind.CREATED || state == ContainerEvent.Kind.STARTED;
    }

    /** Nothing heard from or about it for longer than {@code staleAfter}. */
    public boolean staleAt(Instant now, Duration staleAfter) {
        return lastSeen.plus(staleAfter).isBefore(now);
    }
}
