package io.quayside.agent.runtimes.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.runtimes.ContainerRuntime;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.runtimes.ProcessCgroups;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Asks the Docker Engine for its running containers ({@code GET /containers/json}, then
 * {@code GET /containers/{id}/json} for each) and finds their cgroups from the init pid. Paths carry
 * no API version, so any Engine answers in its own current version.
 */
public final class DockerRuntime implements ContainerRuntime {
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");
    private static final Logger LOG = Logger.getLogger(DockerRuntime.class.getName());

    private final UnixSocketHttp engine;
    private final ObjectMapper json;
    private final ProcessCgroups cgroups;

    public DockerRuntime(Path socket, ObjectMapper json, ProcessCgroups cgroups) {
        this.engine = new UnixSocketHttp(socket);
        this.json = json;
        this.cgroups = cgroups;
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public List<HostContainer> containers() {
        List<HostContainer> found = new ArrayList<>();
        try {
            for (JsonNode summary : get("/containers/json")) {
                String id = summary.path("Id").asText();
                try {
                    describe(get("/containers/" + id + "/json")).ifPresent(found::add);
                } catch (IOException e) {
                    LOG.warning("skipping Docker container " + id + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warning("cannot list Docker containers: " + e.getMessage());
        }
        return found;
    }

    private JsonNode get(String target) throws IOException {
        try (SocketHttpResponse response = engine.get(target)) {
            return response.json(json);
        }
    }

    /** Empty when the container stopped between listing and inspection. */
    private Optional<HostContainer> describe(JsonNode inspect) {
        int pid = inspect.path("State").path("Pid").asInt();
        if (pid <= 0) {
            return Optional.empty();
        }
        String id = inspect.path("Id").asText();
        String name = inspect.path("Name").asText(id).replaceFirst("^/", "");
        Map<String, String> labels = new HashMap<>();
        inspect.path("Config").path("Labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
        return Optional.of(new HostContainer(id, name, inspect.path("Config").path("Image").asText(), labels, name(), pid,
                cgroups.of(pid), instant(inspect.path("Created").asText())));
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
