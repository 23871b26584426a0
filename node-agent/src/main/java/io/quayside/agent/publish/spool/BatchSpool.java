package io.quayside.agent.publish.spool;

import io.quayside.model.SampleBatch;
import io.quayside.model.codec.BatchFormatException;
import io.quayside.model.codec.SampleBatchCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Batches waiting on disk, one file each in the batch's encoded (deflated) form. A file is named
 * {@code <sequence>-<spooled at, epoch ms>.batch}: the sequence, carried on from the files found at
 * start, keeps the order even when the clock steps back; the time gives the age without reading the
 * file. Files appear whole: written under a dot-name, then renamed. Not thread-safe: its publisher
 * serialises the calls.
 */
public final class BatchSpool {
    private static final Logger LOG = Logger.getLogger(BatchSpool.class.getName());
    private static final Pattern NAME = Pattern.compile("(\\d{16})-(\\d{13})\\.batch");
    private static final String PARTIAL = ".partial";

    /** A batch on disk. */
    public record Spooled(Path file, long sequence, Instant spooledAt, long bytes) {
    }

    private final Path dir;
    private final SpoolBounds bounds;
    private final Clock clock;
    private final SpoolDrops drops;
    private final SampleBatchCodec codec = new SampleBatchCodec();
    private final Deque<Spooled> waiting = new ArrayDeque<>();
    private volatile int depth;
    private volatile long bytes;
    private long nextSequence;

    private BatchSpool(Path dir, SpoolBounds bounds, Clock clock, SpoolDrops drops) {
        this.dir = dir;
        this.bounds = bounds;
        this.clock = clock;
        this.drops = drops;
    }

    /** The spool in {@code dir} (created when missing), with the batches an earlier run left there, within the bounds. */
    public static BatchSpool open(Path dir, SpoolBounds bounds, Clock clock, SpoolDrops drops) throws IOException {
        BatchSpool spool = new BatchSpool(dir, bounds, clock, drops);
        spool.load();
        return spool;
    }

    private void load() throws IOException {
        Files.createDirectories(dir);
        List<Spooled> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                Matcher matcher = NAME.matcher(name);
                if (name.endsWith(PARTIAL)) {
                    Files.deleteIfExists(file); // a write that a crash cut short
                } else if (matcher.matches()) {
                    found.add(new Spooled(file, Long.parseLong(matcher.group(1)),
                            Instant.ofEpochMilli(Long.parseLong(matcher.group(2))), Files.size(file)));
                }
            }
        }
        found.sort(Comparator.comparingLong(Spooled::sequence));
        found.forEach(this::track);
        nextSequence = found.isEmpty() ? 0 : found.get(found.size() - 1).sequence() + 1;
        if (!found.isEmpty()) {
            LOG.info(found.size() + " spooled batches (" + bytes + " bytes) found in " + dir + ", to be replayed");
        }
        enforceBounds();
    }

    /** Writes the batch as the newest, then drops the oldest as far as the bounds require. */
    public void add(SampleBatch batch) throws IOException {
        byte[] encoded = codec.encode(batch);
        Instant now = clock.instant();
        long sequence = nextSequence;
        Path file = dir.resolve(String.format("%016d-%013d.batch", sequence, now.toEpochMilli()));
        Path partial = dir.resolve("." + file.getFileName() + PARTIAL);
        Files.write(partial, encoded);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        nextSequence++;
        track(new Spooled(file, sequence, now, encoded.length));
        enforceBounds();
    }

    /** The oldest batch not past the age bound. */
    public Optional<Spooled> oldest() {
        dropAged();
        return Optional.ofNullable(waiting.peekFirst());
    }

    /** The batch in the file; empty, and dropped as unreadable, when the file is not a batch any more. */
    public Optional<SampleBatch> read(Spooled spooled) {
        try {
            return Optional.of(codec.decode(Files.readAllBytes(spooled.file())));
        } catch (IOException | BatchFormatException e) {
            drop(spooled, DropReason.UNREADABLE, e.getMessage());
            return Optional.empty();
        }
    }

    /** Forgets a batch that was delivered. */
    public void remove(Spooled delivered) {
        waiting.remove(delivered);
        depth = waiting.size();
        bytes -= delivered.bytes();
        try {
            Files.deleteIfExists(delivered.file());
        } catch (IOException e) {
            // Left on disk, it is replayed after a restart: a duplicate that consumers drop by its batch id.
            LOG.warning("cannot delete delivered spool file " + delivered.file() + ": " + e.getMessage());
        }
    }

    /** Throws a batch away, counted and logged. */
    public void drop(Spooled spooled, DropReason reason, String why) {
        remove(spooled);
        drops.dropped(reason);
        LOG.warning("dropped spooled batch " + spooled.file().getFileName() + " (" + spooled.bytes() + " bytes, spooled at "
                + spooled.spooledAt() + "), reason " + reason.tag() + ": " + why);
    }

    public int depth() {
        return depth;
    }

    public long bytes() {
        return bytes;
    }

    private void track(Spooled spooled) {
        waiting.addLast(spooled);
        depth = waiting.size();
        bytes += spooled.bytes();
    }

    private void enforceBounds() {
        dropAged();
        while (bytes > bounds.maxBytes()) {
            drop(waiting.getFirst(), DropReason.BYTES, "the spool holds " + bytes + " bytes, more than " + bounds.maxBytes());
        }
    }

    private void dropAged() {
        Instant oldestKept = clock.instant().minus(bounds.maxAge());
        while (!waiting.isEmpty() && waiting.getFirst().spooledAt().isBefore(oldestKept)) {
            drop(waiting.getFirst(), DropReason.AGE, "older than " + bounds.maxAge());
        }
    }
}
