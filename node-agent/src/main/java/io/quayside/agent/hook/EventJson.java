package io.quayside.agent.hook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quayside.model.ContainerEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Events as JSON, written and read with Jackson's streaming API only: the form data binding gives
 * {@link ContainerEvent} (its fields in order, nulls left out, {@code kind} in lower case,
 * {@code time} in ISO-8601), without an ObjectMapper, whose start-up (some 550 classes) was most of
 * a hook's run time. Needs no reflection in native images either.
 */
public final class EventJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private EventJson() {
    }

    public static byte[] write(ContainerEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            field(json, "tenant", event.tenant());
            field(json, "node", event.node());
            field(json, "containerId", event.containerId());
            field(json, "name", event.name());
            field(json, "image", event.image());
            json.writeObjectFieldStart("labels");
            for (Map.Entry<String, String> label : event.labels().entrySet()) {
                field(json, label.getKey(), label.getValue());
            }
            json.writeEndObject();
            field(json, "runtime", event.runtime());
            field(json, "kind", event.kind().name().toLowerCase(Locale.ROOT));
            field(json, "time", event.time().toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an event to memory", e);
        }
        return out.toByteArray();
    }

    public static ContainerEvent read(byte[] content) throws IOException {
        try (JsonParser json = FACTORY.createParser(content)) {
            Map<String, String> fields = new HashMap<>();
            Map<String, String> labels = new HashMap<>();
            json.nextToken();
            readObject(json, "an event", field -> {
                if (field.equals("labels")) {
                    readObject(json, "labels", label -> labels.put(label, text(json)));
                } else {
                    fields.put(field, text(json));
                }
            });
            String kind = fields.get("kind");
            String time = fields.get("time");
            if (kind == null || time == null) {
                throw new IOException("an event needs its kind and time, got " + fields.keySet());
            }
            return new ContainerEvent(fields.get("tenant"), fields.get("node"), fields.get("containerId"), fields.get("name"),
                    fields.get("image"), labels, fields.get("runtime"), ContainerEvent.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
                    Instant.parse(time));
        }
    }

    /**
     * The {@code id} and {@code annotations} of the OCI state a runtime hands its hooks
     * ({@code {"ociVersion","id","status","pid","bundle","annotations"}}); other fields are skipped.
     */
    static OciState readOciState(InputStream in) throws IOException {
        try (JsonParser json = FACTORY.createParser(in)) {
            Map<String, String> top = new HashMap<>();
            Map<String, String> annotations = new HashMap<>();
            json.nextToken();
            readObject(json, "the OCI state", field -> {
                if (field.equals("annotations")) {
                    readObject(json, "annotations", name -> annotations.put(name, text(json)));
                } else if (field.equals("id")) {
                    top.put(field, text(json));
                } else {
                    json.skipChildren();
                }
            });
            return new OciState(top.getOrDefault("id", ""), annotations);
        }
    }

    /** What a hook needs of the OCI state. */
    record OciState(String id, Map<String, String> annotations) {
    }

    private static void field(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    /** Something done with each field of an object, the parser on its value. */
    private interface FieldReader {
        void read(String name) throws IOException;
    }

    /** The object the parser is on, field by field; the reader must consume each value (text() or skipChildren()). */
    private static void readObject(JsonParser json, String what, FieldReader fields) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw new IOException(what + " must be a JSON object, got " + json.currentToken());
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            fields.read(name);
        }
    }

    /** A scalar's text, null for JSON null, and "" for an array or object (skipped), as JsonNode.asText gives. */
    private static String text(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isStructStart()) {
            json.skipChildren();
            return "";
        }
        return json.getText();
    }
}
