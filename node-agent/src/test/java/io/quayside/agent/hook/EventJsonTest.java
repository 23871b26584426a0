package io.quayside.agent.hook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.model.ContainerEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming form of events is byte for byte what data binding (the functions runtime's reader) writes and reads. */
class EventJsonTest {
    /** As Quarkus configures the agent's and the functions' mapper. */
    private final ObjectMapper binding = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ContainerEvent event = new ContainerEvent("acme", "node-1", "c1", "web \"1\"", "busybox:1.36",
            Map.of("app", "wéb", "tier", "front\nend"), null, ContainerEvent.Kind.DESTROYED, Instant.parse("2026-11-21T10:00:00.250Z"));

    @Test
    void writesWhatDataBindingWrites() throws IOException {
        assertThat(new String(EventJson.write(event), StandardCharsets.UTF_8))
                .isEqualTo(new String(binding.writeValueAsBytes(event), StandardCharsets.UTF_8));
        ContainerEvent whole = new ContainerEvent("acme", "", "c2", null, null, Map.of(), "runc", ContainerEvent.Kind.STARTED,
                Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(EventJson.write(whole)).isEqualTo(binding.writeValueAsBytes(whole));
    }

    @Test
    void readsWhatItAndDataBindingWrite() throws IOException {
        assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
        assertThat(EventJson.read(binding.writeValueAsBytes(event))).isEqualTo(event);
        assertThat(binding.readValue(EventJson.write(event), ContainerEvent.class)).isEqualTo(event);
    }

    @Test
    void refusesWhatIsNotAnEvent() {
        assertThatThrownBy(() -> EventJson.read("[1]".getBytes())).isInstanceOf(IOException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> EventJson.read("{\"tenant\":\"a\",\"containerId\":\"c\"}".getBytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("kind and time");
        assertThatThrownBy(() -> EventJson.read("{\"kind\":".getBytes())).isInstanceOf(IOException.class);
    }

    @Test
    void takesIdAndAnnotationsOfTheOciStateAndSkipsTheRest() throws IOException {
        EventJson.OciState state = EventJson.readOciState(new ByteArrayInputStream("""
                {"ociVersion":"1.0.2","id":"qs-web","status":"running","pid":4242,"bundle":"/b",
                 "process":{"args":["sh",{"deep":[1,2]}]},"annotations":{"io.quayside.name":"web","n":3}}""".getBytes()));
        assertThat(state.id()).isEqualTo("qs-web");
        assertThat(state.annotations()).containsExactlyInAnyOrderEntriesOf(Map.of("io.quayside.name", "web", "n", "3"));
    }
}
