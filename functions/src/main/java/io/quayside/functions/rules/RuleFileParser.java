package io.quayside.functions.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import java.util.Set;

/**
 * Reads a Prometheus rule file and checks it as {@code promtool check rules} does, collecting every
 * problem rather than stopping at the first, each message naming the file, group and rule.
 */
public final class RuleFileParser {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> GROUP_FIELDS = Set.of("name", "interval", "limit", "query_offset", "labels", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations");

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
        RuleFileParser parser = new RuleFileParser(file);
        List<RuleGroup> groups;
        try {
            groups = parser.groups(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new RuleFileException(List.of(file + ": " + e.getMessage().lines().findFirst().orElse("")));
        }
        if (!parser.problems.isEmpty()) {
            throw new RuleFileException(parser.problems);
        }
        return groups;
    }

    private List<RuleGroup> groups(JsonNode root) {
        List<RuleGroup> groups = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return groups;
        }
        YamlFields.unknown(root, Set.of("groups"), "rulefmt.RuleGroups").forEach(p -> problems.add(file + ": " + p));
        Set<String> names = new HashSet<>();
        for (JsonNode group : root.path("groups")) {
            String name = YamlFields.text(group, "name");
            if (name.isEmpty()) {
                problems.add(file + ": Groupname must not be empty");
            } else if (!names.add(name)) {
                problems.add(file + ": groupname: \"" + name + "\" is repeated in the same file");
            }
            YamlFields.unknown(group, GROUP_FIELDS, "rulefmt.RuleGroup").forEach(p -> problems.add(file + ": " + p));
            groups.add(group(group, name));
        }
        return groups;
    }

    private RuleGroup group(JsonNode node, String name) {
        Map<String, String> groupLabels = YamlFields.map(node, "labels");
        List<Rule> rules = new ArrayList<>();
        int index = 0;
        for (JsonNode ruleNode : node.path("rules")) {
            index++;
            RuleChecks checks = new RuleChecks(file, name, index, ruleNode);
            Rule rule = rule(ruleNode, groupLabels, checks);
            problems.addAll(checks.problems());
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new RuleGroup(file, name, duration(node, "interval", name), node.path("limit").asInt(0),
                duration(node, "query_offset", name), rules);
    }

    private Rule rule(JsonNode node, Map<String, String> groupLabels, RuleChecks checks) {
        checks.structure(RULE_FIELDS);
        String expr = YamlFields.text(node, "expr");
        if (!expr.isEmpty()) {
            try {
                Parser.parse(expr);
            } catch (PromqlException e) {
                checks.add("could not parse expression: " + e.getMessage());
            }
        }
        Map<String, String> labels = new LinkedHashMap<>(groupLabels);
        labels.putAll(YamlFields.map(node, "labels"));
        checks.labelNames(labels);
        long forMs = checks.duration("for");
        long keepFiringForMs = checks.duration("keep_firing_for");
        if (node.hasNonNull("record")) {
            checks.recording();
            return new RecordingRule(YamlFields.text(node, "record"), expr, labels);
        }
        Map<String, String> annotations = YamlFields.map(node, "annotations");
        checks.annotationNames(annotations);
        String name = YamlFields.text(node, "alert");
        return new AlertingRule(name, expr, forMs, keepFiringForMs, labels, annotations,
                templates(name, labels, checks), templates(name, annotations, checks));
    }

    private static Map<String, AlertTemplate> templates(String alert, Map<String, String> texts, RuleChecks checks) {
        Map<String, AlertTemplate> templates = new LinkedHashMap<>();
        texts.forEach((key, text) -> {
            try {
                templates.put(key, AlertTemplate.parse("__alert_" + alert, text));
            } catch (TemplateException e) {
                checks.add(e.getMessage());
            }
        });
        return templates;
    }

    private long duration(JsonNode node, String field, String group) {
        String text = YamlFields.text(node, field);
        long ms = RuleDurations.parse(text);
        if (ms < 0) {
            problems.add(file + ": group \"" + group + "\": not a valid duration string: \"" + text + "\"");
            return 0;
        }
        return ms;
    }
}
