package io.quayside.functions.discover.sources;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads fields by JSON Pointer, so that an error names the field's full path in the payload. */
public final class JsonFields {
    private JsonFields() {
    }

    public static Optional<String> optionalText(JsonNode payload, String pointer) {
        JsonNode value = payload.at(pointer);
        return value.isValueNode() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    public static String text(JsonNode payload, String pointer) {
        return optionalText(payload, pointer).orElseThrow(() -> new LifecycleEventException(name(pointer) + " is required"));
    }

    public static Instant instant(JsonNode payload, String pointer) {
        String text = text(payload, pointer);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new LifecycleEventException(name(pointer) + " '" + text + "' is not an ISO-8601 time", e);
        }
    }

    /** An object's members as strings; anything else, missing included, as no members. */
    public static Map<String, String> strings(JsonNode payload, String pointer) {
        Map<String, String> strings = new HashMap<>();
        payload.at(pointer).fields().forEachRemaining(field -> strings.put(field.getKey(), field.getValue().asText()));
        return strings;
    }

    private static String name(String pointer) {
        return pointer.substring(1);
    }
}
