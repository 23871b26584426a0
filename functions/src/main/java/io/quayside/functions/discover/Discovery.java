package io.quayside.functions.discover;

import io.quayside.functions.store.Container;
import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.model.ContainerEvent;

import java.util.Optional;

/** Keeps the registry of containers per tenant from lifecycle events. */
public final class Discovery {
    private final ContainerRegistry registry;
    private final LatestSamples latest;

    public Discovery(ContainerRegistry registry, LatestSamples latest) {
        this.registry = registry;
        this.latest = latest;
    }

    /** Applies an event unless the registry already holds a newer one for the container. */
    public DiscoveryResult apply(ContainerEvent event) {
        Optional<Container> known = registry.find(event.tenant(), event.containerId());
        if (known.isPresent() && known.get().updatedAt().isAfter(event.time())) {
            return DiscoveryResult.OUTDATED;
        }
        if (!event.kind().exists()) {
            registry.remove(event.tenant(), event.containerId());
            latest.drop(event.tenant(), event.containerId());
            return known.isPresent() ? DiscoveryResult.REMOVED : DiscoveryResult.UNCHANGED;
        }
        Container container = Container.from(event);
        if (known.isPresent() && known.get().equals(container)) {
            return DiscoveryResult.UNCHANGED;
        }
        registry.put(container);
        return known.isPresent() ? DiscoveryResult.UPDATED : DiscoveryResult.ADDED;
    }
}
