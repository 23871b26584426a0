package io.quayside.functions.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks of one rule, in promtool's order, each problem worded as promtool words it: prefixed
 * {@code file: line:column: group "g", rule n, "name":}, with the position of the field at fault
 * where promtool gives one.
 */
final class RuleChecks {
    private final String file;
    private final String prefix;
    private final YamlNode node;
    private final List<String> problems = new ArrayList<>();

    RuleChecks(String file, String group, int index, YamlNode node) {
        this.file = file;
        String name = node.text("alert").isEmpty() ? node.text("record") : node.text("alert");
        this.prefix = "group \"" + group + "\", rule " + index + ", \"" + name + "\": ";
        this.node = node;
    }

    List<String> problems() {
        return problems;
    }

    /** A problem at a field's value; a missing field is at 0:0, as in promtool. */
    private void add(YamlNode at, String problem) {
        placed(at.position(), problem);
    }

    private void placed(String positions, String problem) {
        problems.add(file + ": " + positions + ": " + prefix + problem);
    }

    /** A problem promtool does not place (label and annotation names, templates). */
    void add(String problem) {
        problems.add(file + ": " + prefix + problem);
    }

    void recordOrAlert() {
        YamlNode record = node.get("record");
        YamlNode alert = node.get("alert");
        if (!record.text().isEmpty() && !alert.text().isEmpty()) {
            placed(record.position() + ": " + alert.position(), "only one of 'record' and 'alert' must be set");
        } else if (record.text().isEmpty() && alert.text().isEmpty()) {
            add(record, "one of 'record' or 'alert' must be set");
        }
    }

    /** Whether the expression is there; the caller then parses it. */
    boolean hasExpression() {
        if (node.text("expr").isEmpty()) {
            add(node.get("expr"), "field 'expr' must be set in rule");
            return false;
        }
        return true;
    }

    void expressionDoesNotParse(String reason) {
        add(node.get("expr"), "could not parse expression: " + reason);
    }

    void recording(long forMs, long keepFiringForMs) {
        YamlNode record = node.get("record");
        if (!node.get("annotations").entries().isEmpty()) {
            add(record, "invalid field 'annotations' in recording rule");
        }
        if (forMs != 0) {
            add(record, "invalid field 'for' in recording rule");
        }
        if (keepFiringForMs != 0) {
            add(record, "invalid field 'keep_firing_for' in recording rule");
        }
        if (!Names.isMetricName(record.text())) {
            add(record, "invalid recording rule name: " + record.text());
        }
    }

    void labelNames(Map<String, String> labels) {
        labels.keySet().stream()
                .filter(name -> !Names.isLabelName(name) || name.equals("__name__"))
                .forEach(name -> add("invalid label name: " + name));
    }

    void annotationNames(Map<String, String> annotations) {
        annotations.keySet().stream().filter(name -> !Names.isLabelName(name))
                .forEach(name -> add("invalid annotation name: " + name));
    }
}
