package io.quayside.agent.sweep;

import io.quayside.model.ContainerLabels;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.Sample;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Gathers one container's samples during a sweep. Every sample gets the container's labels and the
 * sweep's timestamp; read failures are counted by reason instead of failing the sweep.
 */
public final class SampleCollector {
    private final Labels containerLabels;
    private final long timestampMs;
    private final List<Sample> samples = new ArrayList<>();
    private final Set<MetricFamily> families = new LinkedHashSet<>();
    private final Map<String, Integer> readErrors = new TreeMap<>();
    private final ContainerFiles files;
    /** The creating thread's: a collector is filled on the thread that made it. */
    private final ReadBuffer buffer = ReadBuffer.ofThread();

    /** A collector that opens each file for each read (the host's own figures, tests). */
    public SampleCollector(Labels containerLabels, long timestampMs) {
        this(containerLabels, timestampMs, ContainerFiles.NONE);
    }

    /** @param files the container's files kept open from earlier sweeps */
    public SampleCollector(Labels containerLabels, long timestampMs, ContainerFiles files) {
        this.containerLabels = containerLabels;
        this.timestampMs = timestampMs;
        this.files = files;
    }

    public void add(MetricFamily family, double value) {
        families.add(family);
        samples.add(new Sample(containerLabels.with(Labels.METRIC_NAME, family.name()), value, timestampMs));
    }

    /**
     * A sample with extra labels (device, interface, cpu, ...) besides the collector's own, given as
     * alternating names and values.
     */
    public void add(MetricFamily family, double value, String... extraLabels) {
        Labels.Builder labels = containerLabels.toBuilder().add(Labels.METRIC_NAME, family.name());
        for (int i = 0; i < extraLabels.length; i += 2) {
            labels.add(extraLabels[i], extraLabels[i + 1]);
        }
        families.add(family);
        samples.add(new Sample(labels.build(), value, timestampMs));
    }

    /** A cgroup or proc file holding one integer; empty (and counted) when it cannot be read. */
    public OptionalLong readLong(String file) {
        return readLongFrom(file, false);
    }

    /**
     * Like {@link #readLong}, for a file that only some kernels have (such as {@code memory.peak}):
     * its absence is not an error, only left out.
     */
    public OptionalLong readLongIfPresent(String file) {
        return readLongFrom(file, true);
    }

    /** The integer a file's content (already read) holds, trimmed; empty (and counted) when it holds none. */
    public OptionalLong parseLong(String content) {
        try {
            return OptionalLong.of(Long.parseLong(content.trim()));
        } catch (NumberFormatException e) {
            countError("unparsable");
            return OptionalLong.empty();
        }
    }

    /** Parsed from the read buffer itself: most figures are one integer, and a String each would be garbage. */
    private OptionalLong readLongFrom(String file, boolean mayBeMissing) {
        int length = readInto(file, mayBeMissing);
        if (length < 0) {
            return OptionalLong.empty();
        }
        OptionalLong value = DecimalBytes.parseLong(buffer.bytes(), 0, length);
        if (value.isEmpty()) {
            countError("unparsable");
        }
        return value;
    }

    /** A one-line file's content, trimmed; empty (and counted) when it cannot be read. */
    public Optional<String> readString(String file) {
        return read(file, false).map(String::trim);
    }

    /** A file's lines; empty (and counted) when it cannot be read. */
    public Optional<List<String>> readLines(String file) {
        return read(file, false).map(String::lines).map(lines -> lines.toList());
    }

    /** Like {@link #readLines}, for a file whose absence is expected (a fallback, an optional feature). */
    public Optional<List<String>> readLinesIfPresent(String file) {
        return read(file, true).map(String::lines).map(lines -> lines.toList());
    }

    /**
     * A file of {@code key value} lines ({@code cpu.stat}, {@code memory.stat}, ...), read once; its
     * figures are parsed when asked for, so each figure that is missing or garbled is counted once.
     */
    public Optional<StatFile> readStatFile(String file) {
        int length = readInto(file, false);
        return length < 0 ? Optional.empty() : Optional.of(new StatFile(Arrays.copyOf(buffer.bytes(), length), this));
    }

    /** The filesystem mounted at a path, for its sizes; empty (and counted) when it cannot be reached. */
    public Optional<FileStore> fileStore(String path) {
        try {
            return Optional.of(Files.getFileStore(Path.of(path)));
        } catch (NoSuchFileException e) {
            countError("missing_file");
        } catch (IOException e) {
            countError("io_error");
        }
        return Optional.empty();
    }

    /**
     * Counts a figure left out because a file that was read did not hold it ({@code missing_key}) or
     * held it in a form not understood ({@code unparsable}).
     */
    public void countReadError(String reason) {
        countError(reason);
    }

    private Optional<String> read(String file, boolean mayBeMissing) {
        int length = readInto(file, mayBeMissing);
        return length < 0 ? Optional.empty() : Optional.of(new String(buffer.bytes(), 0, length, StandardCharsets.UTF_8));
    }

    /** Reads a file into this thread's buffer; its length, or -1 (counted) when it cannot be read. */
    private int readInto(String file, boolean mayBeMissing) {
        if (mayBeMissing && files.knownMissing(file)) {
            return -1;
        }
        try {
            return readFile(file);
        } catch (FileNotFoundException e) {
            // FileInputStream reports a missing file and a forbidden one alike; only the rare failure pays to tell them apart
            if (Files.exists(Path.of(file))) {
                countError("io_error");
            } else if (mayBeMissing) {
                files.missing(file);
            } else {
                countError("missing_file");
            }
        } catch (IOException e) {
            countError("io_error");
        }
        return -1;
    }

    /**
     * A file kept open is read from offset 0 again; one whose read fails is closed and read the
     * plain way, which tells what went wrong (a removed cgroup's file then reports it missing).
     */
    private int readFile(String file) throws IOException {
        FileChannel channel = files.channel(file);
        if (channel != null) {
            try {
                return buffer.read(channel);
            } catch (IOException e) {
                files.forget(file, channel);
            }
        }
        return buffer.read(file);
    }

    private void countError(String reason) {
        readErrors.merge(reason, 1, Integer::sum);
    }

    public String containerId() {
        return containerLabels.get(ContainerLabels.ID);
    }

    public List<Sample> samples() {
        return samples;
    }

    public Set<MetricFamily> families() {
        return families;
    }

    /** Figures left out so far, by reason. */
    public Map<String, Integer> readErrors() {
        return readErrors;
    }

    /**
     * A kernel file of {@code key value} lines ({@code cpu.stat}, {@code memory.stat}, ...). A key that
     * is missing, or whose value is not an integer, is counted on the collector and left out. The
     * few keys wanted are looked up in the file's bytes rather than splitting every line into Strings.
     */
    public static final class StatFile {
        private final byte[] content;
        private final SampleCollector errors;

        private StatFile(byte[] content, SampleCollector errors) {
            this.content = content;
            this.errors = errors;
        }

        public OptionalLong get(String key) {
            int value = DecimalBytes.valueOf(content, key);
            if (value < 0) {
                errors.countError("missing_key");
                return OptionalLong.empty();
            }
            OptionalLong parsed = DecimalBytes.parseLong(content, value, DecimalBytes.lineEnd(content, value));
            if (parsed.isEmpty()) {
                errors.countError("unparsable");
            }
            return parsed;
        }
    }
}
