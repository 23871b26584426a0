package io.quayside.agent.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.model.ContainerEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Events as JSON outside Quarkus: the hook has no injected mapper, and reading goes through trees
 * rather than data binding so native images need no reflection for it.
 */
public final class EventJson {
    private EventJson() {
    }

    /** What Quarkus configures for the agent: java.time support, dates in ISO-8601. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    static ContainerEvent read(JsonNode tree) {
        Map<String, String> labels = new HashMap<>();
        tree.path("labels").fields().forEachRemaining(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
        return new ContainerEvent(tree.path("tenant").asText(null), tree.path("node").asText(null),
                tree.path("containerId").asText(null), tree.path("name").asText(null), tree.path("image").asText(null),
                labels, tree.path("runtime").asText(null),
                ContainerEvent.Kind.valueOf(tree.path("kind").asText().toUpperCase(Locale.ROOT)),
                Instant.parse(tree.path("time").asText()));
    }
}
