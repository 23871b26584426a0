package io.quayside.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerEventJsonTest {
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void roundTripsWithLowerCaseKindAndIsoTime() throws Exception {
        ContainerEvent event = new ContainerEvent("acme", "node-1", "3f2a9c", "web", "nginx:1.27",
                Map.of("team", "core"), "containerd", ContainerEvent.Kind.STARTED, Instant.parse("2025-11-21T06:30:15.123Z"));

        String json = mapper.writeValueAsString(event);
        JsonNode tree = mapper.readTree(json);

        assertThat(tree.get("kind").asText()).isEqualTo("started");
        assertThat(tree.get("time").asText()).isEqualTo("2025-11-21T06:30:15.123Z");
        assertThat(tree.get("labels").get("team").asText()).isEqualTo("core");
        assertThat(mapper.readValue(json, ContainerEvent.class)).isEqualTo(event);
    }

    @Test
    void fillsDefaultsForOptionalFields() throws Exception {
        ContainerEvent event = mapper.readValue(
                "{\"tenant\":\"acme\",\"containerId\":\"3f2a9c\",\"kind\":\"destroyed\",\"time\":\"2025-11-21T06:30:15Z\"}",
                ContainerEvent.class);

        assertThat(event.name()).isEqualTo("3f2a9c");
        assertThat(event.labels()).isEmpty();
        assertThat(event.kind().exists()).isFalse();
    }

    @Test
    void missingContainerIdIsNamed() {
        String json = "{\"tenant\":\"acme\",\"kind\":\"started\",\"time\":\"2025-11-21T06:30:15Z\"}";

        assertThatThrownBy(() -> mapper.readValue(json, ContainerEvent.class)).hasMessageContaining("containerId");
    }
}
