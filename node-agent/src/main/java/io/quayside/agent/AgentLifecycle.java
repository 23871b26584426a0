package io.quayside.agent;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quayside.agent.lifecycle.ChangeSource;
import io.quayside.agent.lifecycle.ContainerChangeWatcher;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the loop on one thread, at a fixed rate, from start to shutdown. A plain executor rather
 * than a scheduler extension keeps the agent free of an event-loop runtime it has no other use for.
 */
@ApplicationScoped
public class AgentLifecycle {
    private final AgentLoop loop;
    private final AgentConfig config;
    private final ContainerChangeWatcher watcher;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quayside-sweep");
        thread.setDaemon(true);
        return thread;
    });

    public AgentLifecycle(AgentLoop loop, AgentConfig config, List<ChangeSource> changeSources) {
        this.loop = loop;
        this.config = config;
        // A change sweeps at once, on the same thread as the ticks, so the two never overlap.
        this.watcher = new ContainerChangeWatcher(changeSources, ContainerChangeWatcher.DEFAULT_QUIET_PERIOD,
                () -> ticker.execute(loop));
    }

    void start(@Observes StartupEvent started) {
        // A late tick never overlaps the next: the executor runs them one after another.
        ticker.scheduleAtFixedRate(loop, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
        if (config.watch()) {
            watcher.start();
        }
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        watcher.close();
        ticker.shutdown();
        ticker.awaitTermination(config.sendTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    }
}
