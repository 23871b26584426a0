package io.quayside.functions.store.embedded;

import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.BatchFormatException;
import io.quayside.model.codec.SampleBatchCodec;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * A tenant's window samples on disk: an append-only file of frames (4-byte length, then a batch in
 * the batch format), one per ingest, replayed at start and compacted by rewriting it as one frame
 * of what the windows still hold. A torn last frame (a crash mid-append) is cut off at start.
 */
final class WindowLog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WindowLog.class.getName());
    private static final String FRAME_ID = "window-log";

    private final Path file;
    private final String tenant;
    private final SampleBatchCodec codec = new SampleBatchCodec();
    private FileChannel channel;

    WindowLog(Path file, String tenant) {
        this.file = file;
        this.tenant = tenant;
    }

    /** Feeds every intact frame's samples to {@code replay}, then opens the file for appending after them. */
    void open(Consumer<List<Sample>> replay) {
        long intact = 0;
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            while (true) {
                int length = in.readInt();
                if (length < 0) {
                    throw new EOFException("negative frame length " + length);
                }
                byte[] frame = in.readNBytes(length);
                if (frame.length < length) {
                    throw new EOFException("frame of " + length + " bytes cut short");
                }
                replay.accept(codec.decode(frame).samples());
                intact += 4 + length;
            }
        } catch (NoSuchFileException absent) {
            // A new tenant: nothing to replay.
        } catch (EOFException | BatchFormatException end) {
            long size = size();
            if (intact < size) {
                LOG.warning("window log " + file + ": cutting " + (size - intact) + " bytes after the last intact frame ("
                        + end.getMessage() + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(intact);
            channel.position(intact);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    void append(List<Sample> samples) {
        if (!samples.isEmpty()) {
            write(channel, frame(samples));
        }
    }

    long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Replaces the log with one frame holding {@code live}, atomically. */
    void compact(List<Sample> live) {
        Path temporary = file.resolveSibling(file.getFileName() + ".compacting");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                if (!live.isEmpty()) {
                    write(out, frame(live));
                }
            }
            channel.close();
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact " + file, e);
        }
    }

    private ByteBuffer frame(List<Sample> samples) {
        byte[] batch = codec.encode(new SampleBatch(FRAME_ID, tenant, FRAME_ID, "", System.currentTimeMillis(),
                List.of(), samples));
        return ByteBuffer.allocate(4 + batch.length).putInt(batch.length).put(batch).flip();
    }

    private void write(FileChannel target, ByteBuffer frame) {
        try {
            while (frame.hasRemaining()) {
                target.write(frame);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
