package io.quayside.functions.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first YAML document with Jackson's streaming parser into {@link YamlNode}s (a tree, not
 * data binding, so native images need no reflection), keeping where each node starts.
 */
final class YamlTreeReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTreeReader() {
    }

    /** The document's root, {@link YamlNode#ABSENT} for an empty file; a syntax error as promtool words it. */
    static YamlNode read(String file, String yaml) throws RuleFileException {
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            return parser.nextToken() == null ? YamlNode.ABSENT : node(parser);
        } catch (IOException e) {
            String reason = e.getCause() instanceof MarkedYAMLException marked ? GoYamlSyntaxError.describe(marked)
                    : "yaml: " + e.getMessage().lines().findFirst().orElse("");
            throw new RuleFileException(List.of(file + ": " + reason));
        }
    }

    private static YamlNode node(JsonParser parser) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                JsonLocation keyAt = parser.currentTokenLocation();
                YamlNode key = YamlNode.scalar("!!str", parser.currentName(), keyAt.getLineNr(), keyAt.getColumnNr());
                parser.nextToken();
                entries.add(new YamlNode.Entry(key, node(parser)));
            }
            return new YamlNode(YamlNode.Kind.MAPPING, "!!map", "", line, column, List.of(), entries);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser));
            }
            return new YamlNode(YamlNode.Kind.SEQUENCE, "!!seq", "", line, column, items, List.of());
        }
        return YamlNode.scalar(tag(token), parser.getText(), line, column);
    }

    /** Jackson resolves plain scalars as YAML does; the token says which tag it resolved to. */
    private static String tag(JsonToken token) {
        return switch (token) {
            case VALUE_NUMBER_INT -> "!!int";
            case VALUE_NUMBER_FLOAT -> "!!float";
            case VALUE_TRUE, VALUE_FALSE -> "!!bool";
            case VALUE_NULL -> "!!null";
            default -> "!!str";
        };
    }
}
