package io.quayside.functions.rules;

import java.util.Map;

/** {@code record: name}: the expression's samples stored under a new metric name. */
public record RecordingRule(String name, String expr, Map<String, String> labels) implements Rule {
    public RecordingRule {
        labels = Map.copyOf(labels);
    }
}
