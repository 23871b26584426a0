package io.quayside.agent.lifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a burst of triggers into one call, a quiet period after the first: one {@code runc run}
 * touches the state directory several times, and the sweep should see the finished state once.
 * Counting from the first trigger, not the last, bounds the delay even while changes keep coming.
 */
final class Debouncer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Debouncer.class.getName());

    private final Duration quietPeriod;
    private final Runnable action;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quayside-change-debounce");
        thread.setDaemon(true);
        return thread;
    });

    Debouncer(Duration quietPeriod, Runnable action) {
        this.quietPeriod = quietPeriod;
        this.action = action;
    }

    void trigger() {
        if (pending.compareAndSet(false, true)) {
            timer.schedule(this::fire, quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void fire() {
        pending.set(false); // a change during the action schedules another call
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "container change listener failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
