package io.quayside.agent.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One container's kernel files, kept open from sweep to sweep so that each figure costs one
 * positional read instead of an open, reads and a close (the kernel makes a cgroup or proc file's
 * content afresh on every read from offset 0). Also remembers which optional files the container
 * lacks, so they are not looked for every sweep. Dropped, and its files closed, when the container
 * goes or restarts, so that a new cgroup (or a kernel that grew the file) is looked at afresh.
 * A thread abandoned at a sweep deadline may still read while the next sweep's thread does, hence
 * the concurrent maps and one lock for opening and closing.
 */
public final class ContainerFiles implements AutoCloseable {
    /** For reads outside any container (the host's own figures) and for tests: nothing kept. */
    public static final ContainerFiles NONE = new ContainerFiles(FileBudget.NONE, -1);

    private final FileBudget budget;
    private final int initPid;
    private final Map<String, FileChannel> open = new ConcurrentHashMap<>();
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private boolean closed;

    ContainerFiles(FileBudget budget, int initPid) {
        this.budget = budget;
        this.initPid = initPid;
    }

    int initPid() {
        return initPid;
    }

    /** The file, open; null when it cannot be kept open (no budget left, or it cannot be opened: the caller reads it the plain way). */
    FileChannel channel(String file) {
        FileChannel channel = open.get(file);
        if (channel != null) {
            return channel;
        }
        synchronized (lock) {
            if (closed || !budget.take()) {
                return null;
            }
            try {
                channel = FileChannel.open(Path.of(file));
            } catch (IOException | RuntimeException e) {
                budget.give(1);
                return null;
            }
            FileChannel earlier = open.putIfAbsent(file, channel);
            if (earlier != null) {
                closeQuietly(channel);
                budget.give(1);
                return earlier;
            }
            return channel;
        }
    }

    /** Closes a file whose read failed (its cgroup was removed, the reading thread interrupted): the next read opens it anew. */
    void forget(String file, FileChannel channel) {
        synchronized (lock) {
            if (open.remove(file, channel)) {
                closeQuietly(channel);
                budget.give(1);
            }
        }
    }

    boolean knownMissing(String file) {
        return missing.contains(file);
    }

    void missing(String file) {
        if (this != NONE) { // shared by every collector that keeps nothing, so it remembers nothing either
            missing.add(file);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            open.values().forEach(ContainerFiles::closeQuietly);
            budget.give(open.size());
            open.clear();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // a kernel file has nothing to flush; the descriptor is released regardless
        }
    }
}
