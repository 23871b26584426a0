package io.quayside.functions.discover.sources.quayside;

import com.fasterxml.jackson.databind.JsonNode;
import io.quayside.functions.discover.sources.EventDecoder;
import io.quayside.functions.discover.sources.JsonFields;
import io.quayside.functions.discover.sources.LifecycleEventException;
import io.quayside.functions.discover.sources.TenantMapping;
import io.quayside.model.ContainerEvent;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Quayside's own {@link ContainerEvent} JSON, as the node agent and its OCI hook send it. An event
 * without {@code tenant} gets the one its labels map to.
 */
public final class QuaysideEventDecoder implements EventDecoder {
    @Override
    public String source() {
        return "Quayside event";
    }

    /** The fallback shape: anything that means to be a ContainerEvent, so that its errors name its fields. */
    @Override
    public boolean accepts(JsonNode payload) {
        return payload.has("containerId") || payload.has("kind");
    }

    @Override
    public List<ContainerEvent> decode(JsonNode payload, TenantMapping tenants) {
        Map<String, String> labels = JsonFields.strings(payload, "/labels");
        String tenant = JsonFields.optionalText(payload, "/tenant").orElseGet(() -> tenants.forLabels(labels));
        return List.of(new ContainerEvent(tenant, JsonFields.optionalText(payload, "/node").orElse(null),
                JsonFields.optionalText(payload, "/containerId").orElse(null),
                JsonFields.optionalText(payload, "/name").orElse(null), JsonFields.optionalText(payload, "/image").orElse(null),
                labels, JsonFields.optionalText(payload, "/runtime").orElse(null),
                kind(JsonFields.text(payload, "/kind")), JsonFields.instant(payload, "/time")));
    }

    private static ContainerEvent.Kind kind(String word) {
        return Arrays.stream(ContainerEvent.Kind.values())
                .filter(kind -> kind.name().toLowerCase(Locale.ROOT).equals(word))
                .findFirst()
                .orElseThrow(() -> new LifecycleEventException(
                        "unknown kind '" + word + "': use created, started, stopped or destroyed"));
    }
}
