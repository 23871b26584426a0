package io.quayside.functions.rules;

import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.promql.parser.Parser;
import io.quayside.functions.rules.template.AlertTemplate;
import io.quayside.functions.rules.template.TemplateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Prometheus rule file and checks it as {@code promtool check rules} does, in its two steps:
 * a file that is not valid YAML of the rule-file types is rejected with the decoding error alone;
 * otherwise every problem of every group and rule is collected, placed at {@code line:column} where
 * promtool places it.
 */
public final class RuleFileParser {
    private final String file;
    private final List<String> problems = new ArrayList<>();

    private RuleFileParser(String file) {
        this.file = file;
    }

    public static List<RuleGroup> parse(Path path) throws RuleFileException {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new RuleFileException(List.of(path + ": " + e.getMessage()));
        }
        return parse(path.toString(), text);
    }

    public static List<RuleGroup> parse(String file, String yaml) throws RuleFileException {
        YamlNode root = YamlTreeReader.read(file, yaml);
        Optional<String> decoding = GoStrictDecoding.error(root);
        if (decoding.isPresent()) {
            throw new RuleFileException(List.of(file + ": " + decoding.get()));
        }
        RuleFileParser parser = new RuleFileParser(file);
        List<RuleGroup> groups = parser.groups(root);
        if (!parser.problems.isEmpty()) {
            throw new RuleFileException(parser.problems);
        }
        return groups;
    }

    private List<RuleGroup> groups(YamlNode root) {
        List<RuleGroup> groups = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode group : root.items("groups")) {
            String name = group.text("name");
            if (name.isEmpty()) {
                problems.add(file + ": " + group.position() + ": Groupname must not be empty");
            }
            if (!names.add(name)) {
                problems.add(file + ": " + group.position() + ": groupname: \"" + name + "\" is repeated in the same file");
            }
            groups.add(group(group, name));
        }
        return groups;
    }

    private RuleGroup group(YamlNode node, String name) {
        Map<String, String> groupLabels = node.map("labels");
        groupLabels.keySet().stream().filter(label -> !Names.isLabelName(label) || label.equals("__name__"))
                .forEach(label -> problems.add(file + ": group \"" + name + "\": invalid label name: " + label));
        List<Rule> rules = new ArrayList<>();
        int index = 0;
        for (YamlNode ruleNode : node.items("rules")) {
            index++;
            RuleChecks checks = new RuleChecks(file, name, index, ruleNode);
            rules.add(rule(ruleNode, groupLabels, checks));
            problems.addAll(checks.problems());
        }
        String limit = node.text("limit");
        return new RuleGroup(file, name, duration(node, "interval"), limit.isEmpty() ? 0 : Integer.parseInt(limit),
                duration(node, "query_offset"), rules);
    }

    private Rule rule(YamlNode node, Map<String, String> groupLabels, RuleChecks checks) {
        checks.recordOrAlert();
        String expr = node.text("expr");
        if (checks.hasExpression()) {
            try {
                Parser.parse(expr);
            } catch (PromqlException e) {
                checks.expressionDoesNotParse(e.getMessage());
            }
        }
        long forMs = duration(node, "for");
        long keepFiringForMs = duration(node, "keep_firing_for");
        Map<String, String> ownLabels = node.map("labels");
        Map<String, String> labels = new LinkedHashMap<>(groupLabels);
        labels.putAll(ownLabels);
        String record = node.text("record");
        if (!record.isEmpty()) {
            checks.recording(forMs, keepFiringForMs);
        }
        checks.labelNames(ownLabels);
        Map<String, String> annotations = node.map("annotations");
        checks.annotationNames(annotations);
        String alert = node.text("alert");
        if (alert.isEmpty()) {
            return new RecordingRule(record, expr, labels);
        }
        return new AlertingRule(alert, expr, forMs, keepFiringForMs, labels, annotations,
                templates(alert, "label", labels, checks), templates(alert, "annotation", annotations, checks));
    }

    private static Map<String, AlertTemplate> templates(String alert, String kind, Map<String, String> texts, RuleChecks checks) {
        Map<String, AlertTemplate> templates = new LinkedHashMap<>();
        texts.forEach((key, text) -> {
            try {
                templates.put(key, AlertTemplate.parse("__alert_" + alert, text));
            } catch (TemplateException e) {
                checks.add(kind + " \"" + key + "\": " + e.getMessage());
            }
        });
        return templates;
    }

    /** A duration field; decoding has already refused the ones that do not parse. */
    private static long duration(YamlNode node, String field) {
        return RuleDurations.parse(node.text(field));
    }
}
