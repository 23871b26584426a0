package io.quayside.functions.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading YAML trees field by field, as Go's strict YAML decoding would, without data binding. */
public final class YamlFields {
    private YamlFields() {
    }

    /** A scalar field as text; empty when absent or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** A mapping of scalars, in file order; empty when absent. */
    public static Map<String, String> map(JsonNode node, String field) {
        Map<String, String> map = new LinkedHashMap<>();
        node.path(field).fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return map;
    }

    /** Go yaml's message for each field the type does not have. */
    public static List<String> unknown(JsonNode node, Set<String> known, String goType) {
        List<String> problems = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add("field " + name + " not found in type " + goType);
            }
        });
        return problems;
    }
}
