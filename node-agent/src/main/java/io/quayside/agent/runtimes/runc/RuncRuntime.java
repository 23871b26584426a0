package io.quayside.agent.runtimes.runc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.runtimes.ContainerRuntime;
import io.quayside.agent.runtimes.HostContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Finds runc's containers from its state directory ({@code <root>/<id>/state.json}). runc keeps OCI
 * annotations among its labels as {@code key=value}; {@code io.quayside.name} and
 * {@code org.opencontainers.image.ref.name} give the container's name and image.
 */
public final class RuncRuntime implements ContainerRuntime {
    public static final String NAME_ANNOTATION = "io.quayside.name";
    public static final String IMAGE_ANNOTATION = "org.opencontainers.image.ref.name";
    private static final Logger LOG = Logger.getLogger(RuncRuntime.class.getName());

    private final Path stateRoot;
    private final ObjectMapper json;

    public RuncRuntime(Path stateRoot, ObjectMapper json) {
        this.stateRoot = stateRoot;
        this.json = json;
    }

    @Override
    public String name() {
        return "runc";
    }

    @Override
    public List<HostContainer> containers() {
        if (!Files.isDirectory(stateRoot)) {
            return List.of();
        }
        List<HostContainer> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(stateRoot)) {
            entries.map(dir -> dir.resolve("state.json")).forEach(state -> {
                try {
                    found.add(parse(json.readTree(Files.readAllBytes(state))));
                } catch (NoSuchFileException gone) {
                    // Deleted between listing and reading: the container is gone, nothing to report.
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "skipping unreadable runc state " + state + ": " + e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list runc state directory " + stateRoot + ": " + e.getMessage());
        }
        return found;
    }

    HostContainer parse(JsonNode state) {
        String id = state.path("id").asText();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("state.json has no id");
        }
        Map<String, String> labels = new HashMap<>();
        for (JsonNode label : state.path("config").path("labels")) {
            String text = label.asText();
            int eq = text.indexOf('=');
            if (eq > 0) {
                labels.put(text.substring(0, eq), text.substring(eq + 1));
            }
        }
        labels.remove("bundle"); // runc's own entry: a host path, not a container label
        Map<String, String> cgroups = new HashMap<>();
        state.path("cgroup_paths").fields().forEachRemaining(entry -> cgroups.put(entry.getKey(), entry.getValue().asText()));
        String name = labels.getOrDefault(NAME_ANNOTATION, id);
        String image = labels.getOrDefault(IMAGE_ANNOTATION, "");
        return new HostContainer(id, name, image, labels, name(), state.path("init_process_pid").asInt(), cgroups,
                created(state.path("created").asText()));
    }

    private static Instant created(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
