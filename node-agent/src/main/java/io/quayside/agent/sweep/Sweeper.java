package io.quayside.agent.sweep;

import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.ContainerFamilies;
import io.quayside.agent.runtimes.ContainerRuntime;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.model.ContainerEvent;
import io.quayside.model.ContainerLabels;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * One pass over the host: finds the containers, samples each, and notes which appeared or vanished
 * since the last pass. Keeps only the set of known containers between passes.
 */
public final class Sweeper {
    private static final Logger LOG = Logger.getLogger(Sweeper.class.getName());
    private final List<ContainerRuntime> runtimes;
    private final List<CgroupSampler> samplers;
    private final AgentIdentity identity;
    private final Clock clock;
    private final Duration resyncInterval;
    private final Map<String, ContainerEvent> known = new HashMap<>();
    private Instant lastResync;

    /**
     * @param resyncInterval how often every live container's start event is sent again, so that a
     *                       registry that lost its state (or missed an event) converges
     */
    public Sweeper(List<ContainerRuntime> runtimes, List<CgroupSampler> samplers, AgentIdentity identity,
                   Clock clock, Duration resyncInterval) {
        this.runtimes = List.copyOf(runtimes);
        this.samplers = List.copyOf(samplers);
        this.identity = identity;
        this.clock = clock;
        this.resyncInterval = resyncInterval;
    }

    public SweepResult sweep() {
        Instant now = clock.instant();
        List<ContainerEvent> events = new ArrayList<>();
        Map<String, TenantSamples> byTenant = new TreeMap<>();
        Map<String, Integer> readErrors = new TreeMap<>();
        Set<String> present = new HashSet<>();
        for (ContainerRuntime runtime : runtimes) {
            for (HostContainer container : runtime.containers()) {
                present.add(container.id());
                ContainerEvent started = known.get(container.id());
                if (started == null) {
                    try {
                        started = event(container, ContainerEvent.Kind.STARTED, now);
                    } catch (IllegalArgumentException e) {
                        LOG.warning("skipping container " + container.id() + ": " + e.getMessage());
                        readErrors.merge("invalid_container", 1, Integer::sum);
                        continue;
                    }
                    known.put(container.id(), started);
                    events.add(started);
                }
                SampleCollector collector = collect(container, now);
                byTenant.computeIfAbsent(started.tenant(), t -> new TenantSamples()).add(collector);
                collector.readErrors().forEach((reason, count) -> readErrors.merge(reason, count, Integer::sum));
            }
        }
        boolean resync = lastResync != null && !now.isBefore(lastResync.plus(resyncInterval));
        if (lastResync == null || resync) {
            lastResync = now;
        }
        List<String> gone = known.keySet().stream().filter(id -> !present.contains(id)).sorted().toList();
        for (String id : gone) {
            ContainerEvent last = known.remove(id);
            events.add(new ContainerEvent(last.tenant(), last.node(), last.containerId(), last.name(), last.image(),
                    last.labels(), last.runtime(), ContainerEvent.Kind.DESTROYED, now));
        }
        if (resync) {
            known.values().stream().filter(event -> !events.contains(event)).forEach(events::add);
        }
        List<SampleBatch> batches = new ArrayList<>();
        byTenant.forEach((tenant, samples) -> batches.add(samples.toBatch(tenant, identity, now)));
        return new SweepResult(events, batches, readErrors);
    }

    private ContainerEvent event(HostContainer container, ContainerEvent.Kind kind, Instant time) {
        String tenant = container.labels().getOrDefault(identity.tenantLabel(), identity.defaultTenant());
        return new ContainerEvent(tenant, identity.node(), container.id(), container.name(), container.image(),
                container.labels(), container.runtime(), kind, time);
    }

    private SampleCollector collect(HostContainer container, Instant now) {
        Labels labels = Labels.of(ContainerLabels.ID, container.id(), ContainerLabels.NAME, container.name(),
                ContainerLabels.IMAGE, container.image(), ContainerLabels.NODE, identity.node());
        SampleCollector collector = new SampleCollector(labels, now.toEpochMilli());
        for (CgroupSampler sampler : samplers) {
            sampler.sample(container, collector);
        }
        collector.add(ContainerFamilies.LAST_SEEN, now.getEpochSecond());
        return collector;
    }

    /** The samples of one tenant's containers in this sweep. */
    private static final class TenantSamples {
        private final List<Sample> samples = new ArrayList<>();
        private final Set<MetricFamily> families = new LinkedHashSet<>();

        void add(SampleCollector collector) {
            samples.addAll(collector.samples());
            families.addAll(collector.families());
        }

        SampleBatch toBatch(String tenant, AgentIdentity identity, Instant now) {
            return new SampleBatch(UUID.randomUUID().toString(), tenant, identity.node(), identity.agentVersion(),
                    now.toEpochMilli(), List.copyOf(families), samples);
        }
    }
}
