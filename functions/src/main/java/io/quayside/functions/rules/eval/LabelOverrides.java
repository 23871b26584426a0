package io.quayside.functions.rules.eval;

import io.quayside.model.Labels;

import java.util.Map;

/** Rule labels as Prometheus applies them: each one set, and an empty value removes the label. */
final class LabelOverrides {
    private LabelOverrides() {
    }

    static void apply(Labels.Builder builder, Map<String, String> overrides) {
        overrides.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.remove(name);
            } else {
                builder.add(name, value);
            }
        });
    }
}
