package io.quayside.functions.rules;

import java.util.regex.Pattern;

/** Prometheus' rules for metric and label names. */
final class Names {
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private Names() {
    }

    static boolean isMetricName(String name) {
        return METRIC.matcher(name).matches();
    }

    static boolean isLabelName(String name) {
        return LABEL.matcher(name).matches();
    }
}
