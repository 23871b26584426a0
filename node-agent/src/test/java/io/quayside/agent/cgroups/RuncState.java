package io.quayside.agent.cgroups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.runtimes.HostContainer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A container as runc's {@code state.json} describes it, for tests: its {@code cgroup_paths},
 * {@code init_process_pid} and {@code created}, with the absolute cgroup paths resolved under a
 * root (a fixture's, or {@code /} for a live host).
 */
public final class RuncState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuncState() {
    }

    public static HostContainer read(Path stateJson, Path root) throws IOException {
        JsonNode state = JSON.readTree(stateJson.toFile());
        Map<String, String> paths = new HashMap<>();
        state.get("cgroup_paths").fields().forEachRemaining(path ->
                paths.put(path.getKey(), root.resolve(path.getValue().asText().substring(1)).toString()));
        String id = state.get("id").asText();
        return new HostContainer(id, id, "busybox:demo", Map.of(), "runc", state.get("init_process_pid").asInt(),
                paths, Instant.parse(state.get("created").asText()));
    }
}
