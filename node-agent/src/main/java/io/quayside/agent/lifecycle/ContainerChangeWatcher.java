package io.quayside.agent.lifecycle;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Calls {@code onChange} about a quiet period after a container is created or deleted, so the agent
 * can sweep at once instead of at its next interval. Sources that cannot start are logged and left
 * out: the periodic sweep still finds every change, only later.
 */
public final class ContainerChangeWatcher implements AutoCloseable {
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(100);
    private static final Logger LOG = Logger.getLogger(ContainerChangeWatcher.class.getName());

    private final List<ChangeSource> sources;
    private final Debouncer debouncer;

    public ContainerChangeWatcher(List<ChangeSource> sources, Duration quietPeriod, Runnable onChange) {
        this.sources = List.copyOf(sources);
        this.debouncer = new Debouncer(quietPeriod, onChange);
    }

    public void start() {
        for (ChangeSource source : sources) {
            try {
                source.start(debouncer::trigger);
            } catch (IOException e) {
                LOG.warning("not watching for container changes: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        for (ChangeSource source : sources) {
            try {
                source.close();
            } catch (IOException e) {
                LOG.fine(() -> "closing a change source: " + e.getMessage());
            }
        }
        debouncer.close();
    }
}
