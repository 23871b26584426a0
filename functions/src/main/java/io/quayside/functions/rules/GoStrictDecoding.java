package io.quayside.functions.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The errors promtool's first step gives before it checks any rule: Go's strict YAML decoding into
 * its rule-file types, which rejects unknown fields, repeated keys, values of the wrong kind and bad
 * durations. Checking the tree against a description of those types gives the same messages.
 */
final class GoStrictDecoding {
    private enum Kind { ANY_NODE, STRING, INT, DURATION, STRING_MAP, LIST, STRUCT }

    /** A Go type as its name appears in errors; {@code element} for lists, {@code fields} for structs. */
    private record GoType(String name, Kind kind, GoType element, Map<String, GoType> fields) {
        static GoType of(String name, Kind kind) {
            return new GoType(name, kind, null, Map.of());
        }

        static GoType listOf(GoType element) {
            return new GoType("[]" + element.name(), Kind.LIST, element, Map.of());
        }

        static GoType struct(String name, Map<String, GoType> fields) {
            return new GoType(name, Kind.STRUCT, null, fields);
        }
    }

    private static final GoType NODE = GoType.of("yaml.Node", Kind.ANY_NODE);
    private static final GoType STRING = GoType.of("string", Kind.STRING);
    private static final GoType INT = GoType.of("int", Kind.INT);
    private static final GoType DURATION = GoType.of("model.Duration", Kind.DURATION);
    private static final GoType STRING_MAP = GoType.of("map[string]string", Kind.STRING_MAP);
    private static final GoType RULE = GoType.struct("rulefmt.RuleNode", Map.of("record", NODE, "alert", NODE,
            "expr", NODE, "for", DURATION, "keep_firing_for", DURATION, "labels", STRING_MAP, "annotations", STRING_MAP));
    // labels and query_offset are Prometheus 3's; promtool 2.42 would call them unknown.
    private static final GoType GROUP = GoType.struct("rulefmt.RuleGroup", Map.of("name", STRING, "interval", DURATION,
            "limit", INT, "query_offset", DURATION, "labels", STRING_MAP, "rules", GoType.listOf(RULE)));
    private static final GoType FILE = GoType.struct("rulefmt.RuleGroups", Map.of("groups", GoType.listOf(GROUP)));

    private final List<String> typeErrors = new ArrayList<>();
    private String badDuration;

    private GoStrictDecoding() {
    }

    /**
     * The decoding error, if any: a bad duration stops Go's decoding at once and is the only error;
     * otherwise the type errors collected in file order, as Go's {@code yaml: unmarshal errors:}.
     */
    static Optional<String> error(YamlNode root) {
        GoStrictDecoding decoding = new GoStrictDecoding();
        decoding.decode(root, FILE);
        if (decoding.badDuration != null) {
            return Optional.of(decoding.badDuration);
        }
        if (decoding.typeErrors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("yaml: unmarshal errors:\n  " + String.join("\n  ", decoding.typeErrors));
    }

    /** Ints are read as Java ints, so longer ones are refused here rather than overflowing. */
    private void decode(YamlNode node, GoType type) {
        if (badDuration != null || node.isNull() || type.kind() == Kind.ANY_NODE) {
            return;
        }
        boolean scalar = node.kind() == YamlNode.Kind.SCALAR;
        switch (type.kind()) {
            case STRING -> expect(scalar, node, type);
            case INT -> expect(node.tag().equals("!!int") && node.text().matches("[-+]?[0-9]{1,9}"), node, type);
            case DURATION -> {
                expect(scalar, node, STRING);
                if (scalar && RuleDurations.parse(node.text()) < 0) {
                    badDuration = "not a valid duration string: \"" + node.text() + "\"";
                }
            }
            case LIST -> {
                if (expect(node.kind() == YamlNode.Kind.SEQUENCE, node, type)) {
                    node.items().forEach(item -> decode(item, type.element()));
                }
            }
            case STRING_MAP, STRUCT -> {
                if (expect(node.kind() == YamlNode.Kind.MAPPING, node, type) && uniqueKeys(node)) {
                    node.entries().forEach(entry -> field(entry, type));
                }
            }
        }
    }

    private void field(YamlNode.Entry entry, GoType owner) {
        if (owner.kind() == Kind.STRING_MAP) {
            decode(entry.value(), STRING);
        } else if (owner.fields().containsKey(entry.key().text())) {
            decode(entry.value(), owner.fields().get(entry.key().text()));
        } else {
            typeErrors.add("line " + entry.key().line() + ": field " + entry.key().text() + " not found in type " + owner.name());
        }
    }

    private boolean expect(boolean fits, YamlNode node, GoType type) {
        if (!fits) {
            String value = node.kind() == YamlNode.Kind.SCALAR ? " `" + node.text() + "`" : "";
            typeErrors.add("line " + node.line() + ": cannot unmarshal " + node.tag() + value + " into " + type.name());
        }
        return fits;
    }

    /** Go's yaml rejects a mapping that repeats a key, and decodes nothing inside it. */
    private boolean uniqueKeys(YamlNode mapping) {
        Map<String, Integer> firstLine = new HashMap<>();
        boolean unique = true;
        for (YamlNode.Entry entry : mapping.entries()) {
            Integer first = firstLine.putIfAbsent(entry.key().text(), entry.key().line());
            if (first != null) {
                typeErrors.add("line " + entry.key().line() + ": mapping key \"" + entry.key().text() + "\" already defined at line " + first);
                unique = false;
            }
        }
        return unique;
    }
}
