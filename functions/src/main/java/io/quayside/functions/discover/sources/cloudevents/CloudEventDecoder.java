package io.quayside.functions.discover.sources.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.functions.discover.sources.EventDecoder;
import io.quayside.functions.discover.sources.JsonFields;
import io.quayside.functions.discover.sources.LifecycleEventException;
import io.quayside.functions.discover.sources.TenantMapping;
import io.quayside.model.ContainerEvent;

import java.io.IOException;
import java.util.Base64;
import java.util.List;

/**
 * A CloudEvent 1.0 in the structured JSON format whose data is a payload of another source: its
 * {@code data} as JSON, or its {@code data_base64} holding JSON.
 */
public final class CloudEventDecoder implements EventDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<EventDecoder> payloads;

    /** @param payloads the decoders of what the data may be; not this one: CloudEvents are not nested */
    public CloudEventDecoder(List<EventDecoder> payloads) {
        this.payloads = List.copyOf(payloads);
    }

    @Override
    public String source() {
        return "CloudEvent";
    }

    @Override
    public boolean accepts(JsonNode payload) {
        return payload.has("specversion");
    }

    @Override
    public List<ContainerEvent> decode(JsonNode payload, TenantMapping tenants) {
        String version = JsonFields.text(payload, "/specversion");
        if (!version.equals("1.0")) {
            throw new LifecycleEventException("specversion '" + version + "' is not 1.0");
        }
        // Required by the specification; checked so that a malformed envelope is refused as one.
        List.of("/id", "/source", "/type").forEach(attribute -> JsonFields.text(payload, attribute));
        JsonNode data = data(payload);
        EventDecoder decoder = EventDecoder.firstAccepting(payloads, data).orElseThrow(() -> new LifecycleEventException(
                "data of type '" + payload.path("type").asText() + "' is no lifecycle event Quayside reads"));
        try {
            return decoder.decode(data, tenants);
        } catch (LifecycleEventException | IllegalArgumentException e) {
            throw new LifecycleEventException("data (" + decoder.source() + "): " + e.getMessage(), e);
        }
    }

    private static JsonNode data(JsonNode payload) {
        if (payload.has("data")) {
            return payload.get("data");
        }
        String encoded = JsonFields.text(payload, "/data_base64");
        try {
            return JSON.readTree(Base64.getDecoder().decode(encoded));
        } catch (IOException | IllegalArgumentException e) {
            throw new LifecycleEventException("data_base64 is not base64-encoded JSON: " + e.getMessage(), e);
        }
    }
}
