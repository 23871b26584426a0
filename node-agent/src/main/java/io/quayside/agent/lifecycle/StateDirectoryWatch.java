package io.quayside.agent.lifecycle;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Watches a runtime's state directory (inotify on Linux) down to the containers' own directories:
 * a container directory appearing or vanishing, and its {@code state.json} being written, are the
 * runtime creating, starting and deleting it.
 */
public final class StateDirectoryWatch implements ChangeSource {
    private static final Logger LOG = Logger.getLogger(StateDirectoryWatch.class.getName());

    private final Path root;
    private final int depth;
    private final Map<WatchKey, Integer> levels = new ConcurrentHashMap<>();
    private WatchService watcher;

    /** @param depth how many levels below {@code root} the container directories are */
    public StateDirectoryWatch(Path root, int depth) {
        this.root = root;
        this.depth = depth;
    }

    /** runc: {@code <root>/<id>/state.json}. */
    public static StateDirectoryWatch runc(Path runcRoot) {
        return new StateDirectoryWatch(runcRoot, 1);
    }

    /** containerd's runc shim: {@code <shim root>/<namespace>/<id>/state.json}. */
    public static StateDirectoryWatch containerd(Path shimRoot) {
        return new StateDirectoryWatch(shimRoot, 2);
    }

    @Override
    public void start(Runnable changed) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " does not exist (yet); its changes are left to the periodic sweep");
        }
        watcher = root.getFileSystem().newWatchService();
        register(root, 0);
        Thread thread = new Thread(() -> follow(changed), "quayside-watch-" + root);
        thread.setDaemon(true);
        thread.start();
    }

    private void follow(Runnable changed) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                int level = levels.getOrDefault(key, depth);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && level < depth) {
                        register(((Path) key.watchable()).resolve((Path) event.context()), level + 1);
                    }
                }
                changed.run(); // an overflow too: something changed, the sweep finds out what
                if (!key.reset()) {
                    levels.remove(key); // its directory is gone
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // closed
        }
    }

    private void register(Path dir, int level) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            levels.put(dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY), level);
            if (level < depth) {
                try (Stream<Path> children = Files.list(dir)) {
                    children.forEach(child -> register(child, level + 1));
                }
            }
        } catch (IOException e) {
            LOG.fine(() -> "not watching " + dir + ": " + e.getMessage()); // removed meanwhile
        }
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
