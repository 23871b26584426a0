package io.quayside.functions.rules.template;

import java.util.Map;

/** What an alert's templates see: {@code .Labels}, {@code .Value}, {@code .ExternalLabels}, {@code .ExternalURL}. */
public record TemplateData(Map<String, String> labels, double value, Map<String, String> externalLabels, String externalUrl) {
    public TemplateData {
        labels = Map.copyOf(labels);
        externalLabels = Map.copyOf(externalLabels);
    }

    Object field(String name) {
        return switch (name) {
            case "Labels" -> labels;
            case "Value" -> value;
            case "ExternalLabels" -> externalLabels;
            case "ExternalURL" -> externalUrl;
            default -> null;
        };
    }

    /** Prometheus defines these variables before every alert template. */
    Object variable(String name) {
        return switch (name) {
            case "$labels" -> labels;
            case "$value" -> value;
            case "$externalLabels" -> externalLabels;
            case "$externalURL" -> externalUrl;
            default -> null;
        };
    }

    boolean hasVariable(String name) {
        return name.equals("$labels") || name.equals("$value") || name.equals("$externalLabels") || name.equals("$externalURL");
    }
}
