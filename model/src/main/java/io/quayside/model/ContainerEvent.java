package io.quayside.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A change in a container's life, from an agent, a runtime hook or a cloud event. Its JSON form is
 * the record's fields with {@code kind} in lower case and {@code time} in ISO-8601.
 *
 * @param runtime what runs the container: {@code runc}, {@code docker}, {@code containerd}, {@code ecs}, ...
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerEvent(String tenant, String node, String containerId, String name, String image,
                             Map<String, String> labels, String runtime, Kind kind, Instant time) {

    public enum Kind {
        @JsonProperty("created") CREATED,
        @JsonProperty("started") STARTED,
        @JsonProperty("stopped") STOPPED,
        @JsonProperty("destroyed") DESTROYED;

        /** Whether the container still exists after this event. */
        public boolean exists() {
            return this != DESTROYED;
        }
    }

    public ContainerEvent {
        TenantName.check(tenant);
        requireText(containerId, "containerId");
        Objects.requireNonNull(kind, "kind is required (created, started, stopped or destroyed)");
        Objects.requireNonNull(time, "time is required");
        node = node == null ? "" : node;
        name = name == null || name.isBlank() ? containerId : name;
        image = image == null ? "" : image;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        runtime = runtime == null ? "" : runtime;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
