package io.quayside.functions.discover.sources.docker;

import com.fasterxml.jackson.databind.JsonNode;
import io.quayside.functions.discover.sources.EventDecoder;
import io.quayside.functions.discover.sources.JsonFields;
import io.quayside.functions.discover.sources.LifecycleEventException;
import io.quayside.functions.discover.sources.TenantMapping;
import io.quayside.model.ContainerEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A message of the Docker Engine's {@code GET /events} stream (API v1.43). The daemon merges the
 * container's labels into {@code Actor.Attributes} next to its own keys, which are taken out again.
 */
public final class DockerEventDecoder implements EventDecoder {
    private static final Map<String, ContainerEvent.Kind> KINDS = Map.of(
            "create", ContainerEvent.Kind.CREATED,
            "start", ContainerEvent.Kind.STARTED,
            "restart", ContainerEvent.Kind.STARTED,
            "die", ContainerEvent.Kind.STOPPED,
            "stop", ContainerEvent.Kind.STOPPED,
            "destroy", ContainerEvent.Kind.DESTROYED);
    private static final Set<String> DAEMON_ATTRIBUTES = Set.of("name", "image", "exitCode", "signal", "execDuration");

    @Override
    public String source() {
        return "Docker Engine event";
    }

    @Override
    public boolean accepts(JsonNode payload) {
        return payload.has("Type") && payload.has("Action");
    }

    /** Events of images, networks, volumes and actions like exec or attach change no container's life: none. */
    @Override
    public List<ContainerEvent> decode(JsonNode payload, TenantMapping tenants) {
        ContainerEvent.Kind kind = KINDS.get(payload.path("Action").asText());
        if (!"container".equals(payload.path("Type").asText()) || kind == null) {
            return List.of();
        }
        Map<String, String> attributes = JsonFields.strings(payload, "/Actor/Attributes");
        Map<String, String> labels = new HashMap<>(attributes);
        labels.keySet().removeAll(DAEMON_ATTRIBUTES);
        return List.of(new ContainerEvent(tenants.forLabels(labels), null, JsonFields.text(payload, "/Actor/ID"),
                attributes.get("name"), attributes.get("image"), labels, "docker", kind, time(payload)));
    }

    /** {@code timeNano} orders the create and start of one second; {@code time} is what older daemons send. */
    private static Instant time(JsonNode payload) {
        if (payload.path("timeNano").canConvertToLong()) {
            return Instant.ofEpochSecond(0, payload.path("timeNano").asLong());
        }
        if (payload.path("time").canConvertToLong()) {
            return Instant.ofEpochSecond(payload.path("time").asLong());
        }
        throw new LifecycleEventException("time or timeNano is required");
    }
}
