package io.quayside.functions.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node with the line and column (1-based) where it starts, as Go's {@code yaml.Node} has them,
 * so that problems in rule files are placed where promtool places them.
 *
 * @param value a scalar's text as written
 * @param tag   the resolved tag Go's yaml names in errors: {@code !!str}, {@code !!int}, {@code !!map}, ...
 */
record YamlNode(Kind kind, String tag, String value, int line, int column, List<YamlNode> items, List<Entry> entries) {
    enum Kind { SCALAR, SEQUENCE, MAPPING }

    record Entry(YamlNode key, YamlNode value) {
    }

    /** What a missing field reads as: Go's zero {@code yaml.Node}, which promtool places at 0:0. */
    static final YamlNode ABSENT = scalar("!!null", "", 0, 0);

    YamlNode {
        items = List.copyOf(items);
        entries = List.copyOf(entries);
    }

    static YamlNode scalar(String tag, String value, int line, int column) {
        return new YamlNode(Kind.SCALAR, tag, value, line, column, List.of(), List.of());
    }

    boolean isNull() {
        return tag.equals("!!null");
    }

    /** The value of a mapping's key, {@link #ABSENT} when there is none. */
    YamlNode get(String key) {
        return entries.stream().filter(e -> e.key().text().equals(key)).map(Entry::value).reduce((first, last) -> last).orElse(ABSENT);
    }

    boolean has(String key) {
        return !get(key).isNull();
    }

    /** The scalar's text; empty for null and for collections, as Go's {@code yaml.Node.Value} is. */
    String text() {
        return kind == Kind.SCALAR && !isNull() ? value : "";
    }

    String text(String key) {
        return get(key).text();
    }

    List<YamlNode> items(String key) {
        return get(key).items();
    }

    /** A mapping of scalars, in file order; empty when absent. */
    Map<String, String> map(String key) {
        Map<String, String> map = new LinkedHashMap<>();
        get(key).entries().forEach(e -> map.put(e.key().text(), e.value().text()));
        return map;
    }

    /** {@code line:column}, as promtool prefixes the problems it can place. */
    String position() {
        return line + ":" + column;
    }
}
