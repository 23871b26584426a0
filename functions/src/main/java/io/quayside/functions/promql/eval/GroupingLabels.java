package io.quayside.functions.promql.eval;

import io.quayside.model.Labels;

import java.util.List;

/**
 * The labels that identify a group: only the listed ones ({@code by}, {@code on}), or all but the
 * listed ones and the metric name ({@code without}, {@code ignoring}, and no modifier at all).
 */
final class GroupingLabels {
    private GroupingLabels() {
    }

    static Labels of(Labels labels, List<String> names, boolean onlyListed) {
        Labels.Builder builder = Labels.builder();
        for (int i = 0; i < labels.size(); i++) {
            String name = labels.name(i);
            boolean listed = names.contains(name);
            if (onlyListed ? listed : !listed && !name.equals(Labels.METRIC_NAME)) {
                builder.add(name, labels.value(i));
            }
        }
        return builder.build();
    }
}
