package io.quayside.agent.sweep;

import io.quayside.agent.runtimes.HostContainer;
import io.quayside.model.ContainerEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Which containers the agent has announced: turns each sweep's list into started and destroyed
 * events, and every resync interval announces every live container again, so a registry that lost
 * its state (or missed an event) converges.
 */
final class LifecycleTracker {
    private static final Logger LOG = Logger.getLogger(LifecycleTracker.class.getName());

    private final AgentIdentity identity;
    private final Duration resyncInterval;
    private final Map<String, ContainerEvent> known = new HashMap<>();
    private Instant lastResync;

    LifecycleTracker(AgentIdentity identity, Duration resyncInterval) {
        this.identity = identity;
        this.resyncInterval = resyncInterval;
    }

    /** The start event of a container, made when it is first seen; empty when it cannot be announced. */
    ContainerEvent announce(HostContainer container, Instant now, List<ContainerEvent> events, Map<String, Integer> errors) {
        ContainerEvent started = known.get(container.id());
        if (started != null) {
            return started;
        }
        try {
            String tenant = container.labels().getOrDefault(identity.tenantLabel(), identity.defaultTenant());
            started = new ContainerEvent(tenant, identity.node(), container.id(), container.name(), container.image(),
                    container.labels(), container.runtime(), ContainerEvent.Kind.STARTED, now);
        } catch (IllegalArgumentException e) {
            LOG.warning("skipping container " + container.id() + ": " + e.getMessage());
            errors.merge("invalid_container", 1, Integer::sum);
            return null;
        }
        known.put(container.id(), started);
        events.add(started);
        return started;
    }

    /** Destroyed events for the known containers not in {@code present}, then the resync, if due. */
    void finish(Set<String> present, Instant now, List<ContainerEvent> events) {
        List<String> gone = known.keySet().stream().filter(id -> !present.contains(id)).sorted().toList();
        for (String id : gone) {
            ContainerEvent last = known.remove(id);
            events.add(new ContainerEvent(last.tenant(), last.node(), last.containerId(), last.name(), last.image(),
                    last.labels(), last.runtime(), ContainerEvent.Kind.DESTROYED, now));
        }
        boolean resync = lastResync != null && !now.isBefore(lastResync.plus(resyncInterval));
        if (lastResync == null || resync) {
            lastResync = now;
        }
        if (resync) {
            List<ContainerEvent> again = new ArrayList<>(known.values());
            again.removeAll(events);
            events.addAll(again);
        }
    }
}
