package io.quayside.functions.rules;

import io.quayside.functions.rules.template.AlertTemplate;

import java.util.Map;

/**
 * {@code alert: name}: every series the expression returns is an alert, pending for {@code forMs},
 * then firing; it keeps firing {@code keepFiringForMs} after the expression stops returning it.
 * Label and annotation values are templates, parsed once when the file is read.
 */
public record AlertingRule(String name, String expr, long forMs, long keepFiringForMs,
                           Map<String, String> labels, Map<String, String> annotations,
                           Map<String, AlertTemplate> labelTemplates, Map<String, AlertTemplate> annotationTemplates)
        implements Rule {
    public AlertingRule {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        labelTemplates = Map.copyOf(labelTemplates);
        annotationTemplates = Map.copyOf(annotationTemplates);
    }
}
