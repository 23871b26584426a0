package io.quayside.functions.store.embedded;

import io.quayside.functions.promql.LabelMatcher;
import io.quayside.model.Labels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A tenant's series windows grouped by metric name, each group sorted by labels. Every selector of
 * a rule fixes the name ({@code cpu[5m]} is {@code {__name__="cpu"}}), so a selection reads one group
 * instead of every series; a series without a name is in the group of the empty name, which is what
 * {@code __name__=""} matches. Not thread-safe.
 */
final class SeriesByName {
    private final Map<String, TreeMap<Labels, SeriesWindow>> groups = new HashMap<>();
    private int size;

    SeriesWindow get(Labels labels) {
        TreeMap<Labels, SeriesWindow> group = groups.get(nameOf(labels));
        return group == null ? null : group.get(labels);
    }

    void put(Labels labels, SeriesWindow window) {
        if (groups.computeIfAbsent(nameOf(labels), name -> new TreeMap<>()).put(labels, window) == null) {
            size++;
        }
    }

    int size() {
        return size;
    }

    /** The series whose labels satisfy every matcher, in label order. */
    List<Map.Entry<Labels, SeriesWindow>> matching(List<LabelMatcher> matchers) {
        List<Map.Entry<Labels, SeriesWindow>> out = new ArrayList<>();
        String name = fixedName(matchers);
        if (name != null) {
            addMatching(groups.getOrDefault(name, new TreeMap<>()), matchers, out);
            return out;
        }
        // A regex on the name, or no name at all: every group, and their order restored.
        groups.values().forEach(group -> addMatching(group, matchers, out));
        out.sort(Map.Entry.comparingByKey());
        return out;
    }

    void forEach(BiConsumer<Labels, SeriesWindow> action) {
        groups.values().forEach(group -> group.forEach(action));
    }

    /** Drops samples at or before {@code cutoffMs}, and the series (and groups) left empty. */
    void evictUpTo(long cutoffMs) {
        Iterator<TreeMap<Labels, SeriesWindow>> groupIterator = groups.values().iterator();
        while (groupIterator.hasNext()) {
            TreeMap<Labels, SeriesWindow> group = groupIterator.next();
            Iterator<SeriesWindow> windows = group.values().iterator();
            while (windows.hasNext()) {
                if (windows.next().evictUpTo(cutoffMs)) {
                    windows.remove();
                    size--;
                }
            }
            if (group.isEmpty()) {
                groupIterator.remove();
            }
        }
    }

    private static String fixedName(List<LabelMatcher> matchers) {
        for (LabelMatcher matcher : matchers) {
            if (matcher.type() == LabelMatcher.Type.EQUAL && matcher.name().equals(Labels.METRIC_NAME)) {
                return matcher.value();
            }
        }
        return null;
    }

    private static void addMatching(TreeMap<Labels, SeriesWindow> group, List<LabelMatcher> matchers,
                                    List<Map.Entry<Labels, SeriesWindow>> out) {
        for (Map.Entry<Labels, SeriesWindow> entry : group.entrySet()) {
            if (LabelMatcher.matchAll(matchers, entry.getKey())) {
                out.add(entry);
            }
        }
    }

    private static String nameOf(Labels labels) {
        String name = labels.metricName();
        return name == null ? "" : name;
    }
}
