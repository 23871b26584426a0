package io.quayside.functions.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The lifecycle payloads under {@code events/}, as users replay them. */
final class EventFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The folders of lifecycle events; the others ({@code sqs/}, {@code schedule/}) wake other functions. */
    private static final Set<String> LIFECYCLE = Set.of("quayside", "docker", "ecs", "cloudevents");

    private EventFiles() {
    }

    static Path root() {
        return Path.of(System.getProperty("quayside.repo.dir"), "events");
    }

    /** Every lifecycle payload, by path relative to {@code events/}, in path order. */
    static List<Path> all() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(file -> file.toString().endsWith(".json")).map(root()::relativize)
                    .filter(file -> LIFECYCLE.contains(file.getName(0).toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path relative) {
        try {
            return JSON.readTree(root().resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
