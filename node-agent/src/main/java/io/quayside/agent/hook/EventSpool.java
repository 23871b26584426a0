package io.quayside.agent.hook;

import io.quayside.model.ContainerEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Events a hook could not deliver, one JSON file each, for the agent to send later. Files are
 * named by the time they were spooled (zero-padded nanoseconds, then a random tie-breaker) so that
 * name order is time order, and appear whole: written under a dot-name, then renamed.
 */
public final class EventSpool {
    private static final String SUFFIX = ".json";
    private static final Logger LOG = Logger.getLogger(EventSpool.class.getName());

    /** An event waiting in the spool, and the file that holds it. */
    public record Spooled(Path file, ContainerEvent event) {
    }

    private final Path dir;
    private final Clock clock;

    public EventSpool(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public void add(ContainerEvent event) throws IOException {
        Files.createDirectories(dir);
        Instant now = clock.instant();
        String name = String.format("%019d-%s", now.getEpochSecond() * 1_000_000_000L + now.getNano(),
                UUID.randomUUID().toString().substring(0, 8));
        Path partial = dir.resolve("." + name + ".partial");
        Files.write(partial, EventJson.write(event));
        Files.move(partial, dir.resolve(name + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Up to {@code limit} events, oldest first; a file that is not an event is set aside as {@code .bad} and logged. */
    public List<Spooled> oldest(int limit) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(file -> isSpooled(file.getFileName().toString())).sorted().toList();
        }
        List<Spooled> oldest = new ArrayList<>();
        for (Path file : files) {
            if (oldest.size() == limit) {
                break;
            }
            try {
                oldest.add(new Spooled(file, EventJson.read(Files.readAllBytes(file))));
            } catch (IOException | RuntimeException e) {
                LOG.warning("setting aside spooled event " + file + " that cannot be read: " + e.getMessage());
                Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return oldest;
    }

    /** How many events wait; 0 when the spool cannot be listed. */
    public int depth() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return (int) entries.filter(file -> isSpooled(file.getFileName().toString())).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Removes an event once it was delivered. */
    public void confirm(Spooled delivered) throws IOException {
        Files.deleteIfExists(delivered.file());
    }

    private static boolean isSpooled(String name) {
        return name.endsWith(SUFFIX) && !name.startsWith(".");
    }
}
