package io.quayside.functions.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks of one rule, each problem prefixed {@code file: group "g", rule n, "name":} as promtool does. */
final class RuleChecks {
    private final String prefix;
    private final JsonNode node;
    private final List<String> problems = new ArrayList<>();

    RuleChecks(String file, String group, int index, JsonNode node) {
        String name = node.hasNonNull("record") ? YamlFields.text(node, "record") : YamlFields.text(node, "alert");
        this.prefix = file + ": group \"" + group + "\", rule " + index + ", \"" + name + "\": ";
        this.node = node;
    }

    void add(String problem) {
        problems.add(prefix + problem);
    }

    List<String> problems() {
        return problems;
    }

    void structure(Set<String> knownFields) {
        YamlFields.unknown(node, knownFields, "rulefmt.RuleNode").forEach(this::add);
        boolean record = node.hasNonNull("record");
        boolean alert = node.hasNonNull("alert");
        if (record && alert) {
            add("only one of 'record' and 'alert' must be set");
        } else if (!record && !alert) {
            add("one of 'record' or 'alert' must be set");
        }
        if (YamlFields.text(node, "expr").isEmpty()) {
            add("field 'expr' must be set in rule");
        }
    }

    void recording() {
        for (String field : List.of("annotations", "for", "keep_firing_for")) {
            if (node.has(field)) {
                add("invalid field '" + field + "' in recording rule");
            }
        }
        String record = YamlFields.text(node, "record");
        if (!Names.isMetricName(record)) {
            add("invalid recording rule name: " + record);
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

    long duration(String field) {
        String text = YamlFields.text(node, field);
        long ms = RuleDurations.parse(text);
        if (ms < 0) {
            add("not a valid duration string: \"" + text + "\"");
            return 0;
        }
        return ms;
    }
}
