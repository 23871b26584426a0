package io.quayside.agent;

import io.quayside.agent.publish.PublishException;
import io.quayside.agent.publish.Publisher;
import io.quayside.agent.sweep.SweepResult;
import io.quayside.agent.sweep.Sweeper;
import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;

import io.quayside.agent.metrics.AgentMetrics;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One tick of the agent: sweep, then send events (first, so that a container is known before its
 * samples arrive), then batches. Events that could not be sent wait for the next tick, up to a
 * limit past which the oldest are dropped and logged.
 */
public final class AgentLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(AgentLoop.class.getName());

    private final Sweeper sweeper;
    private final Publisher publisher;
    private final AgentMetrics metrics;
    private final int pendingEventLimit;
    private final Deque<ContainerEvent> pendingEvents = new ArrayDeque<>();

    public AgentLoop(Sweeper sweeper, Publisher publisher, AgentMetrics metrics, int pendingEventLimit) {
        this.sweeper = sweeper;
        this.publisher = publisher;
        this.metrics = metrics;
        this.pendingEventLimit = pendingEventLimit;
        metrics.gauge("quayside_agent_pending_events", "Events waiting for the runtime to be reachable.", pendingEvents::size);
    }

    /** Never throws: a scheduled task that throws is never run again. */
    @Override
    public void run() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "sweep failed; trying again next interval", e);
        }
    }

    private void tick() {
        SweepResult result = sweeper.sweep();
        if (!result.readErrors().isEmpty()) {
            LOG.fine(() -> "figures not read this sweep, by reason: " + result.readErrors());
        }
        for (ContainerEvent event : result.events()) {
            if (pendingEvents.size() == pendingEventLimit) {
                ContainerEvent dropped = pendingEvents.removeFirst();
                LOG.warning("pending event limit " + pendingEventLimit + " reached: dropped " + dropped.kind()
                        + " event of " + dropped.containerId());
            }
            pendingEvents.addLast(event);
        }
        if (!sendPendingEvents()) {
            return;
        }
        for (SampleBatch batch : result.batches()) {
            long started = System.nanoTime();
            try {
                int bytes = publisher.publish(batch);
                metrics.sent("batch", bytes, Duration.ofNanos(System.nanoTime() - started));
            } catch (PublishException e) {
                metrics.sendFailed("batch", e.retryable() ? "unreachable" : "refused");
                LOG.warning("lost batch " + batch.batchId() + " of tenant " + batch.tenant() + " ("
                        + batch.samples().size() + " samples): " + e.getMessage());
            }
        }
    }

    /** True when every pending event went out; a retryable failure keeps the rest for later. */
    private boolean sendPendingEvents() {
        while (!pendingEvents.isEmpty()) {
            ContainerEvent event = pendingEvents.peekFirst();
            long started = System.nanoTime();
            try {
                publisher.publish(event);
                pendingEvents.removeFirst();
                metrics.sent("event", 0, Duration.ofNanos(System.nanoTime() - started));
            } catch (PublishException e) {
                metrics.sendFailed("event", e.retryable() ? "unreachable" : "refused");
                if (e.retryable()) {
                    LOG.warning("runtime unreachable, " + pendingEvents.size() + " events wait: " + e.getMessage());
                    return false;
                }
                LOG.severe("dropped " + event.kind() + " event of " + event.containerId() + ": " + e.getMessage());
                pendingEvents.removeFirst();
            }
        }
        return true;
    }
}
