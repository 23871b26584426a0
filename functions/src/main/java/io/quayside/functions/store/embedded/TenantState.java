package io.quayside.functions.store.embedded;

import io.quayside.functions.store.Container;
import io.quayside.functions.store.Tombstone;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.Sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One tenant's containers, tombstones and latest samples in memory; every method holds the tenant's lock. */
final class TenantState {
    private final Object lock = new Object();
    private final TreeMap<String, Container> containers = new TreeMap<>();
    private final TreeMap<String, Tombstone> tombstones = new TreeMap<>();
    private final Map<String, Map<Labels, Sample>> latest = new HashMap<>();
    private final Map<String, MetricFamily> families = new HashMap<>();
    private boolean samplesDirty;
    /** Only touches leave the registry unwritten; every other change is written at once. */
    private boolean containersDirty;

    /** Returns every container, to be written now. */
    List<Container> putContainer(Container container) {
        synchronized (lock) {
            containers.put(container.id(), container);
            containersDirty = false;
            return List.copyOf(containers.values());
        }
    }

    /** Returns what to write: the containers if one was removed, the tombstones if they changed. */
    Burial bury(Tombstone tombstone, Instant now) {
        synchronized (lock) {
            boolean removed = containers.remove(tombstone.containerId()) != null;
            boolean buried = tombstones.values().removeIf(kept -> kept.expiredAt(now));
            Tombstone kept = tombstones.get(tombstone.containerId());
            if (kept == null || tombstone.destroyedAt().isAfter(kept.destroyedAt())) {
                tombstones.put(tombstone.containerId(), tombstone);
                buried = true;
            }
            containersDirty &= !removed;
            return new Burial(removed ? Optional.of(List.copyOf(containers.values())) : Optional.empty(),
                    buried ? Optional.of(List.copyOf(tombstones.values())) : Optional.empty());
        }
    }

    void putTombstone(Tombstone tombstone) {
        synchronized (lock) {
            tombstones.put(tombstone.containerId(), tombstone);
        }
    }

    Optional<Tombstone> tombstone(String id, Instant now) {
        synchronized (lock) {
            return Optional.ofNullable(tombstones.get(id)).filter(tombstone -> !tombstone.expiredAt(now));
        }
    }

    void touch(String id, Instant seenAt) {
        synchronized (lock) {
            Container container = containers.get(id);
            if (container != null && seenAt.isAfter(container.lastSeen())) {
                containers.put(id, container.seenAt(seenAt));
                containersDirty = true;
            }
        }
    }

    /** The containers to persist after touches, or empty when no touch is unwritten. */
    Optional<List<Container>> takeContainersIfDirty() {
        synchronized (lock) {
            if (!containersDirty) {
                return Optional.empty();
            }
            containersDirty = false;
            return Optional.of(List.copyOf(containers.values()));
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

    void markContainersDirty() {
        synchronized (lock) {
            containersDirty = true;
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

    /** Each present when that part changed and must be written. */
    record Burial(Optional<List<Container>> containers, Optional<List<Tombstone>> tombstones) {
    }

    record Snapshot(List<MetricFamily> families, List<Sample> samples) {
    }
}
