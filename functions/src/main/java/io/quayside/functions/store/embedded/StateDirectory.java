package io.quayside.functions.store.embedded;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quayside.functions.store.Container;
import io.quayside.functions.store.Tombstone;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.BatchFormatException;
import io.quayside.model.codec.SampleBatchCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The files of embedded mode: {@code tenants/<tenant>/containers.json},
 * {@code tenants/<tenant>/tombstones.json} and {@code tenants/<tenant>/latest.qsb} (the latest
 * samples in the batch format). Every write goes
 * to a temporary file first and is then renamed over the old one, so a crash never leaves half a file.
 */
public final class StateDirectory {
    private static final Logger LOG = Logger.getLogger(StateDirectory.class.getName());
    private static final TypeReference<List<Container>> CONTAINERS = new TypeReference<>() {
    };
    /** Written as the batch's node and id: the snapshot is the store's, not an agent's. */
    private static final String SNAPSHOT = "embedded-store";

    private final Path root;
    private final ObjectMapper json;
    private final SampleBatchCodec codec = new SampleBatchCodec();

    public StateDirectory(Path root, ObjectMapper json) {
        this.root = root;
        this.json = json;
    }

    List<String> tenants() {
        Path dir = root.resolve("tenants");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    List<Container> readContainers(String tenant) {
        return read(containersFile(tenant), bytes -> json.readValue(bytes, CONTAINERS)).orElse(List.of());
    }

    void writeContainers(String tenant, List<Container> containers) {
        try {
            write(containersFile(tenant), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(containers));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the registry of tenant " + tenant, e);
        }
    }

    /** Tombstones go through JSON trees, so native images need no reflection for them. */
    List<Tombstone> readTombstones(String tenant) {
        return read(tombstonesFile(tenant), bytes -> {
            List<Tombstone> tombstones = new ArrayList<>();
            for (JsonNode entry : json.readTree(bytes)) {
                try {
                    tombstones.add(new Tombstone(tenant, entry.path("containerId").asText(),
                            Instant.parse(entry.path("destroyedAt").asText()), Instant.parse(entry.path("expiresAt").asText())));
                } catch (DateTimeException e) {
                    throw new IOException("invalid tombstone " + entry, e);
                }
            }
            return List.copyOf(tombstones);
        }).orElse(List.of());
    }

    void writeTombstones(String tenant, List<Tombstone> tombstones) {
        ArrayNode entries = json.createArrayNode();
        tombstones.forEach(tombstone -> entries.addObject().put("containerId", tombstone.containerId())
                .put("destroyedAt", tombstone.destroyedAt().toString()).put("expiresAt", tombstone.expiresAt().toString()));
        try {
            write(tombstonesFile(tenant), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tombstones of tenant " + tenant, e);
        }
    }

    Optional<TenantState.Snapshot> readSamples(String tenant) {
        return read(samplesFile(tenant), bytes -> {
            SampleBatch batch = codec.decode(bytes);
            return new TenantState.Snapshot(batch.families(), batch.samples());
        });
    }

    void writeSamples(String tenant, TenantState.Snapshot snapshot) {
        SampleBatch batch = new SampleBatch(SNAPSHOT, tenant, SNAPSHOT, "", System.currentTimeMillis(),
                snapshot.families(), snapshot.samples());
        write(samplesFile(tenant), codec.encode(batch));
    }

    private Path containersFile(String tenant) {
        return root.resolve("tenants").resolve(tenant).resolve("containers.json");
    }

    private Path tombstonesFile(String tenant) {
        return root.resolve("tenants").resolve(tenant).resolve("tombstones.json");
    }

    private Path samplesFile(String tenant) {
        return root.resolve("tenants").resolve(tenant).resolve("latest.qsb");
    }

    private interface Parser<T> {
        T parse(byte[] bytes) throws IOException;
    }

    /** A missing file is empty state; an unreadable one is logged and set aside, never fatal. */
    private <T> Optional<T> read(Path file, Parser<T> parser) {
        try {
            return Optional.of(parser.parse(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | BatchFormatException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            LOG.log(Level.SEVERE, "cannot read " + file + " (" + e.getMessage() + "); moved it to " + aside, e);
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                e.addSuppressed(moveFailed);
            }
            return Optional.empty();
        }
    }

    private static void write(Path file, byte[] bytes) {
        Path temporary = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanupFailed) {
                e.addSuppressed(cleanupFailed);
            }
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
