package io.quayside.agent.sweep;

import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.ContainerFamilies;
import io.quayside.agent.metrics.AgentMetrics;
import io.quayside.agent.metrics.MeterSamples;
import io.quayside.agent.runtimes.ContainerRuntime;
import io.quayside.agent.node.NodeSampler;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One pass over the host: lists each runtime's containers, samples them all under one deadline,
 * notes which appeared or vanished, and packs one batch per tenant (the agent's own figures go
 * with the default tenant's).
 */
public final class Sweeper {
    private final List<ContainerRuntime> runtimes;
    private final List<CgroupSampler> samplers;
    private final AgentIdentity identity;
    private final Clock clock;
    private final ParallelSampling sampling;
    private final AgentMetrics metrics;
    private final SeriesLabels seriesLabels;
    private final Optional<NodeSampler> node;
    private final LifecycleTracker lifecycle;
    private final OpenContainerFiles files;

    /**
     * @param node  the host's own figures (node_exporter's), sent with the default tenant's batch; empty to leave them out
     * @param files the containers' files kept open between sweeps; the sweeper closes those of containers gone
     */
    public Sweeper(List<ContainerRuntime> runtimes, List<CgroupSampler> samplers, AgentIdentity identity, Clock clock,
                   Duration resyncInterval, ParallelSampling sampling, AgentMetrics metrics, SeriesLabels seriesLabels,
                   Optional<NodeSampler> node, OpenContainerFiles files) {
        this.runtimes = List.copyOf(runtimes);
        this.samplers = List.copyOf(samplers);
        this.identity = identity;
        this.clock = clock;
        this.sampling = sampling;
        this.metrics = metrics;
        this.seriesLabels = seriesLabels;
        this.node = node;
        this.lifecycle = new LifecycleTracker(identity, resyncInterval);
        this.files = files;
    }

    public SweepResult sweep() {
        Instant now = clock.instant();
        List<ContainerEvent> events = new ArrayList<>();
        Map<String, TenantSamples> byTenant = new TreeMap<>();
        Map<String, Integer> readErrors = new TreeMap<>();
        Map<String, String> tenantById = new HashMap<>();
        for (ContainerRuntime runtime : runtimes) {
            long started = System.nanoTime();
            List<HostContainer> containers = new ArrayList<>();
            for (HostContainer container : runtime.containers()) {
                if (tenantById.containsKey(container.id())) {
                    continue; // an earlier runtime (say docker, before cgroupfs) reported it already
                }
                ContainerEvent announced = lifecycle.announce(container, now, events, readErrors);
                if (announced != null) {
                    tenantById.put(container.id(), announced.tenant());
                    containers.add(container);
                }
            }
            List<Optional<SampleCollector>> collected = sampling.sample(containers,
                    container -> collect(container, tenantById.get(container.id()), now), readErrors);
            for (int i = 0; i < collected.size(); i++) {
                String tenant = tenantById.get(containers.get(i).id());
                collected.get(i).ifPresent(collector -> {
                    byTenant.computeIfAbsent(tenant, t -> new TenantSamples()).add(collector.samples(), collector.families());
                    collector.readErrors().forEach((reason, count) -> readErrors.merge(reason, count, Integer::sum));
                });
            }
            metrics.sweep(runtime.name(), Duration.ofNanos(System.nanoTime() - started), containers.size());
        }
        lifecycle.finish(tenantById.keySet(), now, events);
        files.retain(tenantById.keySet());
        Labels nodeLabels = Labels.of(ContainerLabels.NODE, identity.node());
        TenantSamples host = byTenant.computeIfAbsent(identity.defaultTenant(), t -> new TenantSamples());
        node.ifPresent(sampler -> {
            SampleCollector collector = new SampleCollector(nodeLabels, now.toEpochMilli());
            sampler.sample(collector);
            host.add(collector.samples(), collector.families());
            collector.readErrors().forEach((reason, count) -> readErrors.merge(reason, count, Integer::sum));
        });
        metrics.readErrors(readErrors);
        metrics.samplesEmitted(byTenant.values().stream().mapToInt(samples -> samples.samples.size()).sum());
        MeterSamples own = MeterSamples.of(metrics.registry(), nodeLabels, now.toEpochMilli());
        host.add(own.samples(), own.families());
        List<SampleBatch> batches = new ArrayList<>();
        byTenant.forEach((tenant, samples) -> batches.add(samples.toBatch(tenant, identity, now)));
        return new SweepResult(events, batches, readErrors);
    }

    private SampleCollector collect(HostContainer container, String tenant, Instant now) {
        SampleCollector collector = new SampleCollector(seriesLabels.of(container, tenant, identity.node()), now.toEpochMilli(),
                files.of(container));
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

        void add(List<Sample> more, Iterable<MetricFamily> moreFamilies) {
            samples.addAll(more);
            moreFamilies.forEach(families::add);
        }

        SampleBatch toBatch(String tenant, AgentIdentity identity, Instant now) {
            return new SampleBatch(UUID.randomUUID().toString(), tenant, identity.node(), identity.agentVersion(),
                    now.toEpochMilli(), List.copyOf(families), samples);
        }
    }
}
