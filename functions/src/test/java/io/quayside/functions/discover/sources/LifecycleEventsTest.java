package io.quayside.functions.discover.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quayside.model.ContainerEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.quayside.model.ContainerEvent.Kind.DESTROYED;
import static io.quayside.model.ContainerEvent.Kind.STARTED;
import static io.quayside.model.ContainerEvent.Kind.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class LifecycleEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCKER_ID = "3c5e8f1a2b4d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7";
    private final LifecycleEvents events = LifecycleEvents.of(new TenantMapping(TenantMapping.TENANT_LABEL,
            Map.of("111122223333", "acme"), Optional.empty()));

    private static JsonNode file(String path) throws Exception {
        return JSON.readTree(Path.of(System.getProperty("quayside.repo.dir"), "events", path).toFile());
    }

    private static ObjectNode edited(String path) throws Exception {
        return (ObjectNode) file(path);
    }

    @Test
    void quaysideEventKeepsItsOwnTenant() throws Exception {
        assertThat(events.decode(file("quayside/container-started.json"))).containsExactly(new ContainerEvent("local",
                "host-1", "4f2a9c1e7b3d", "web", "busybox:demo",
                Map.of("io.quayside.name", "web", "org.opencontainers.image.ref.name", "busybox:demo"), "runc", STARTED,
                Instant.parse("2026-11-21T06:33:42.374Z")));
    }

    @Test
    void dockerEventTakesTenantFromLabelAndLeavesTheDaemonsAttributesOutOfTheLabels() throws Exception {
        ContainerEvent died = events.decode(file("docker/container-die.json")).get(0);
        assertThat(died.tenant()).isEqualTo("local");
        assertThat(died.containerId()).isEqualTo(DOCKER_ID);
        assertThat(died.name()).isEqualTo("shop-web-1");
        assertThat(died.image()).isEqualTo("nginx:1.25-alpine");
        assertThat(died.kind()).isEqualTo(STOPPED);
        assertThat(died.time()).isEqualTo(Instant.ofEpochSecond(1795249800, 204518730));
        assertThat(died.labels()).containsEntry("com.docker.compose.service", "web").doesNotContainKeys("name", "image", "exitCode");
    }

    @Test
    void dockerEventsAboutNoContainersLifeDecodeToNothing() throws Exception {
        assertThat(events.decode(edited("docker/container-start.json").put("Action", "exec_start: sh -c true"))).isEmpty();
        assertThat(events.decode(edited("docker/container-start.json").put("Type", "network"))).isEmpty();
    }

    @Test
    void ecsTaskGivesOneEventPerContainerInTheAccountsTenant() throws Exception {
        List<ContainerEvent> running = events.decode(file("ecs/task-running.json"));
        assertThat(running).extracting(ContainerEvent::name).containsExactly("web", "log-router");
        assertThat(running).allSatisfy(event -> {
            assertThat(event.tenant()).isEqualTo("acme");
            assertThat(event.kind()).isEqualTo(STARTED);
            assertThat(event.runtime()).isEqualTo("ecs");
            assertThat(event.time()).isEqualTo(Instant.parse("2026-11-21T09:00:24.103Z"));
            assertThat(event.labels()).containsEntry("com.amazonaws.ecs.cluster", "shop-cluster")
                    .containsEntry("com.amazonaws.ecs.task-definition-family", "shop-web")
                    .containsEntry("com.amazonaws.ecs.task-definition-version", "7");
        });
        assertThat(running.get(0).containerId()).isEqualTo("8c4b7f2e-31d6-4a9b-b5e0-6f2d1c3a9e47");

        List<ContainerEvent> stopped = events.decode(file("ecs/task-stopped.json"));
        assertThat(stopped).extracting(ContainerEvent::containerId).isEqualTo(running.stream().map(ContainerEvent::containerId).toList());
        assertThat(stopped).extracting(ContainerEvent::kind).containsOnly(DESTROYED);
    }

    @Test
    void containerStoppedInARunningTaskIsOnlyStopped() throws Exception {
        ObjectNode task = edited("ecs/task-running.json");
        ((ObjectNode) task.at("/detail/containers/1")).put("lastStatus", "STOPPED");
        assertThat(events.decode(task)).extracting(ContainerEvent::kind).containsExactly(STARTED, STOPPED);
    }

    @Test
    void cloudEventIsDecodedAsItsData() throws Exception {
        assertThat(events.decode(file("cloudevents/docker-container-start.json")))
                .extracting(ContainerEvent::name, ContainerEvent::kind, ContainerEvent::runtime)
                .containsExactly(tuple("shop-cache-1", STARTED, "docker"));
        ObjectNode quayside = edited("cloudevents/quayside-container-started.json");
        List<ContainerEvent> fromData = events.decode(quayside);
        byte[] data = JSON.writeValueAsBytes(quayside.remove("data"));
        quayside.put("data_base64", Base64.getEncoder().encodeToString(data));
        assertThat(events.decode(quayside)).isEqualTo(fromData).extracting(ContainerEvent::containerId).containsExactly("e8d41b7c20a9");
    }

    @Test
    void errorsNameWhatIsWrong() throws Exception {
        assertRefused(JSON.readTree("[1]"), "a lifecycle event is a JSON object, not array");
        assertRefused(JSON.readTree("{\"hello\":1}"), "unknown event shape (fields [hello])");
        assertRefused(JSON.readTree("{\"tenant\":\"local\",\"kind\":\"started\",\"time\":\"2026-01-01T00:00:00Z\"}"),
                "invalid Quayside event: containerId is required");
        assertRefused(edited("quayside/container-started.json").put("kind", "exploded"), "unknown kind 'exploded'");
        assertRefused(edited("quayside/container-started.json").put("time", "yesterday"), "time 'yesterday' is not an ISO-8601 time");
        assertRefused(edited("quayside/container-started.json").put("tenant", "Team A"), "invalid tenant name 'Team A'");
        ObjectNode noId = edited("docker/container-start.json");
        ((ObjectNode) noId.get("Actor")).remove("ID");
        assertRefused(noId, "invalid Docker Engine event: Actor/ID is required");
        assertRefused(edited("ecs/task-running.json").put("account", "999999999999"),
                "AWS account '999999999999' is mapped to none and no default tenant is configured");
        ObjectNode noArn = edited("ecs/task-running.json");
        ((ObjectNode) noArn.at("/detail/containers/1")).remove("containerArn");
        assertRefused(noArn, "detail/containers/1/containerArn is required");
        assertRefused(edited("cloudevents/docker-container-start.json").put("specversion", "0.3"), "specversion '0.3' is not 1.0");
        assertRefused(edited("cloudevents/docker-container-start.json").without("source"), "invalid CloudEvent: source is required");
        ObjectNode untenanted = edited("cloudevents/docker-container-start.json");
        ((ObjectNode) untenanted.at("/data/Actor/Attributes")).remove(TenantMapping.TENANT_LABEL);
        assertRefused(untenanted, "invalid CloudEvent: data (Docker Engine event): no tenant");
    }

    private void assertRefused(JsonNode payload, String message) {
        assertThatThrownBy(() -> events.decode(payload)).isExactlyInstanceOf(LifecycleEventException.class)
                .hasMessageContaining(message);
    }
}
