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
import java.util.concurrent.atomic.AtomicLong;
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

    private static final String PID = Long.toHexString(ProcessHandle.current().pid());
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path dir;
    private final Clock clock;

    public EventSpool(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public void add(ContainerEvent event) throws IOException {
        Files.createDirectories(dir);
        Instant now = clock.instant();
        // Time-ordered; unique between processes by their pid and within one by a sequence number. Neither
        // UUID (its SecureRandom seeds from the kernel and loads the security providers) nor String.format
        // (its Formatter loads regex): both cost a short-lived hook more than the rest of its work.
        String name = padded(now.getEpochSecond() * 1_000_000_000L + now.getNano()) + "-" + padded(SEQUENCE.incrementAndGet())
                + "-" + PID;
        Path partial = dir.resolve("." + name + ".partial");
        Files.write(partial, EventJson.write(event));
        Files.move(partial, dir.resolve(name + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Zero-padded to 19 digits, so that names sort as their numbers do. */
    private static String padded(long number) {
        String digits = Long.toString(number);
        return "0".repeat(19 - digits.length()) + digits;
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
