package io.quayside.functions.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.quayside.functions.discover.sources.LifecycleEventException;
import io.quayside.functions.discover.sources.LifecycleEvents;
import io.quayside.functions.store.Container;
import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.functions.store.Tombstone;
import io.quayside.model.ContainerEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the registry of containers per tenant from lifecycle events, whatever order and however
 * often they arrive: an event older than what the registry holds, or than a kept tombstone, is ignored.
 */
public final class Discovery {
    private final ContainerRegistry registry;
    private final LatestSamples latest;
    private final DiscoverySettings settings;
    private final LifecycleEvents sources;
    private final Clock clock;

    public Discovery(ContainerRegistry registry, LatestSamples latest, DiscoverySettings settings, LifecycleEvents sources,
                     Clock clock) {
        this.registry = registry;
        this.latest = latest;
        this.settings = settings;
        this.sources = sources;
        this.clock = clock;
    }

    /**
     * The events a payload of any source holds, without applying them: callers that must check
     * each event's tenant against the caller's first (the HTTP route) decode, check, then apply.
     *
     * @throws LifecycleEventException naming what is wrong with the payload
     */
    public List<ContainerEvent> decode(JsonNode payload) {
        return sources.decode(payload);
    }

    /**
     * Decodes a payload of any source and applies its events in order.
     *
     * @throws LifecycleEventException naming what is wrong with the payload; then nothing was applied
     */
    public List<AppliedEvent> apply(JsonNode payload) {
        return apply(sources.decode(payload));
    }

    /** Applies decoded events in order. */
    public List<AppliedEvent> apply(List<ContainerEvent> events) {
        return events.stream().map(event -> new AppliedEvent(event, apply(event))).toList();
    }

    public DiscoveryResult apply(ContainerEvent event) {
        Instant now = clock.instant();
        Optional<Container> known = registry.find(event.tenant(), event.containerId());
        Optional<Tombstone> tombstone = registry.tombstone(event.tenant(), event.containerId(), now);
        if (known.filter(container -> precedes(event, container.updatedAt(), container.state())).isPresent()
                || tombstone.filter(buried -> precedes(event, buried.destroyedAt(), ContainerEvent.Kind.DESTROYED)).isPresent()) {
            return DiscoveryResult.OUTDATED;
        }
        if (!event.kind().exists()) {
            registry.bury(new Tombstone(event.tenant(), event.containerId(), event.time(), now.plus(settings.tombstoneTtl())), now);
            latest.drop(event.tenant(), event.containerId());
            return known.isPresent() ? DiscoveryResult.REMOVED : DiscoveryResult.UNCHANGED;
        }
        Container container = Container.from(event).withLabel(DnsNames.LABEL, settings.dns().nameOf(event))
                .seenAt(known.map(Container::lastSeen).filter(now::isBefore).orElse(now));
        if (known.isPresent() && known.get().sameAs(container)) {
            return DiscoveryResult.UNCHANGED;
        }
        registry.put(container);
        return known.isPresent() ? DiscoveryResult.UPDATED : DiscoveryResult.ADDED;
    }

    /** Whether the container has gone unheard of for longer than the configured time. */
    public boolean isStale(Container container) {
        return container.staleAt(clock.instant(), settings.staleAfter());
    }

    /** Events of the same instant are ordered by the lifecycle, so a create never undoes its own destroy. */
    private static boolean precedes(ContainerEvent event, Instant time, ContainerEvent.Kind kind) {
        int byTime = event.time().compareTo(time);
        return byTime < 0 || byTime == 0 && event.kind().compareTo(kind) < 0;
    }
}
