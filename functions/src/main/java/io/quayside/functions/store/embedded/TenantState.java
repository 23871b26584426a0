package io.quayside.functions.store.embedded;

import io.quayside.functions.store.Container;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One tenant's containers and latest samples in memory; every method holds the tenant's lock. */
final class TenantState {
    private final Object lock = new Object();
    private final TreeMap<String, Container> containers = new TreeMap<>();
    private final Map<String, Map<Labels, Sample>> latest = new HashMap<>();
    private final Map<String, MetricFamily> families = new HashMap<>();
    private boolean samplesDirty;

    List<Container> putContainer(Container container) {
        synchronized (lock) {
            containers.put(container.id(), container);
            return List.copyOf(containers.values());
        }
    }

    /** Returns the remaining containers when something was removed, empty when nothing changed. */
    Optional<List<Container>> removeContainer(String id) {
        synchronized (lock) {
            boolean removed = containers.remove(id) != null;
            return removed ? Optional.of(List.copyOf(containers.values())) : Optional.empty();
        }
    }

    Optional<Container> container(String id) {
        synchronized (lock) {
            return Optional.ofNullable(containers.get(id));
        }
    }

    List<Container> containers() {
        synchronized (lock) {
            return List.copyOf(containers.values());
        }
    }

    void merge(String containerId, Collection<Sample> samples) {
        synchronized (lock) {
            Map<Labels, Sample> series = latest.computeIfAbsent(containerId, id -> new HashMap<>());
            for (Sample sample : samples) {
                Sample current = series.get(sample.labels());
                if (current != null && current.timestampMs() > sample.timestampMs()) {
                    continue;
                }
                if (sample.isStale()) {
                    series.remove(sample.labels());
                } else {
                    series.put(sample.labels(), sample);
                }
            }
            samplesDirty = true;
        }
    }

    void describe(Collection<MetricFamily> update) {
        synchronized (lock) {
            for (MetricFamily family : update) {
                samplesDirty |= !family.equals(families.put(family.name(), family));
            }
        }
    }

    List<Sample> latest(String containerId) {
        synchronized (lock) {
            Map<Labels, Sample> series = latest.get(containerId);
            return series == null ? List.of() : List.copyOf(series.values());
        }
    }

    Map<String, MetricFamily> families() {
        synchronized (lock) {
            return Map.copyOf(families);
        }
    }

    void drop(String containerId) {
        synchronized (lock) {
            samplesDirty |= latest.remove(containerId) != null;
        }
    }

    void markSamplesDirty() {
        synchronized (lock) {
            samplesDirty = true;
        }
    }

    /** The samples and families to persist, or empty when nothing changed since the last call. */
    Optional<Snapshot> takeSnapshotIfDirty() {
        synchronized (lock) {
            if (!samplesDirty) {
                return Optional.empty();
            }
            samplesDirty = false;
            List<Sample> all = new ArrayList<>();
            latest.values().forEach(series -> all.addAll(series.values()));
            return Optional.of(new Snapshot(List.copyOf(families.values()), all));
        }
    }

    record Snapshot(List<MetricFamily> families, List<Sample> samples) {
    }
}
