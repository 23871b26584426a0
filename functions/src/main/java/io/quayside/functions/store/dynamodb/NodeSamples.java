package io.quayside.functions.store.dynamodb;

import io.quayside.model.Labels;
import io.quayside.model.Sample;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The newest samples of one node's containers as read from its items, with the versions read: a
 * merge changes them here, then they are split again into items that fit.
 */
final class NodeSamples {
    /** The samples of some of the node's containers, in the order of {@code containerIds}, deflated. */
    record Part(List<String> containerIds, List<Integer> counts, byte[] encoded) {
    }

    private final Map<String, Map<Labels, Sample>> containers = new TreeMap<>();
    /** Range key of each item read, and the version it had. */
    private final Map<String, AttributeValue> versions = new TreeMap<>();

    static NodeSamples of(Collection<Map<String, AttributeValue>> items) {
        NodeSamples node = new NodeSamples();
        for (Map<String, AttributeValue> item : items) {
            node.versions.put(item.get(LatestItems.KEY).s(), LatestItems.version(item));
            // Two writers splitting differently could leave one container in two items for a moment: newer wins.
            LatestItems.containers(item).forEach((containerId, samples) -> node.merge(containerId, samples));
        }
        return node;
    }

    /** Whether the container has a series here. */
    boolean holds(String containerId) {
        return !containers.getOrDefault(containerId, Map.of()).isEmpty();
    }

    List<Sample> samples(String containerId) {
        return List.copyOf(containers.getOrDefault(containerId, Map.of()).values());
    }

    /** Newer (or same-time) samples replace, staleness markers remove; whether anything changed. */
    boolean merge(String containerId, Collection<Sample> newest) {
        Map<Labels, Sample> kept = containers.computeIfAbsent(containerId, id -> new TreeMap<>());
        boolean changed = false;
        for (Sample sample : newest) {
            Sample held = kept.get(sample.labels());
            if (held != null && held.timestampMs() > sample.timestampMs()) {
                continue;
            }
            if (sample.isStale()) {
                changed |= kept.remove(sample.labels()) != null;
            } else if (!sample.equals(held)) {
                kept.put(sample.labels(), sample);
                changed = true;
            }
        }
        return changed;
    }

    /** Takes the container out; its samples, none when it had none here. */
    List<Sample> remove(String containerId) {
        Map<Labels, Sample> removed = containers.remove(containerId);
        return removed == null ? List.of() : List.copyOf(removed.values());
    }

    Map<String, AttributeValue> storedVersions() {
        return versions;
    }

    long newestVersion() {
        return versions.values().stream().mapToLong(version -> Long.parseLong(version.n())).max().orElse(0);
    }

    /**
     * The containers with series, in as few parts as halving finds whose deflated samples each take
     * at most {@code maxBytes}.
     *
     * @throws IllegalArgumentException when one container's samples alone take more, naming it
     */
    List<Part> parts(String tenant, int maxBytes) {
        List<String> withSeries = containers.keySet().stream().filter(this::holds).toList();
        List<Part> parts = new ArrayList<>();
        split(tenant, withSeries, maxBytes, parts);
        return parts;
    }

    private void split(String tenant, List<String> containerIds, int maxBytes, List<Part> parts) {
        if (containerIds.isEmpty()) {
            return;
        }
        List<Sample> samples = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (String containerId : containerIds) {
            Collection<Sample> held = containers.get(containerId).values();
            samples.addAll(held);
            counts.add(held.size());
        }
        byte[] encoded = DeflatedSamples.encode(tenant, samples);
        if (encoded.length <= maxBytes) {
            parts.add(new Part(containerIds, counts, encoded));
        } else if (containerIds.size() == 1) {
            throw new IllegalArgumentException("container '" + containerIds.get(0) + "' of tenant '" + tenant + "' has "
                    + samples.size() + " series, " + encoded.length + " bytes deflated: more than one item holds (" + maxBytes + ")");
        } else {
            int half = containerIds.size() / 2;
            split(tenant, containerIds.subList(0, half), maxBytes, parts);
            split(tenant, containerIds.subList(half, containerIds.size()), maxBytes, parts);
        }
    }
}
