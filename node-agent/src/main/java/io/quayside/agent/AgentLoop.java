package io.quayside.agent;

import io.quayside.agent.publish.PublishException;
import io.quayside.agent.publish.Publisher;
import io.quayside.agent.sweep.SweepResult;
import io.quayside.agent.sweep.Sweeper;
import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;

import io.quayside.agent.hook.EventSpool;
import io.quayside.agent.metrics.AgentMetrics;

import java.io.IOException;
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
    /** Spooled events sent per tick at the most, so a long outage's backlog drains without starving the sweep. */
    private static final int SPOOL_BATCH = 1000;

    private final Sweeper sweeper;
    private final Publisher publisher;
    private final AgentMetrics metrics;
    private final int pendingEventLimit;
    private final EventSpool spool;
    private final Deque<ContainerEvent> pendingEvents = new ArrayDeque<>();

    /** @param spool where OCI hooks leave the events they could not deliver; sent on before the sweep's own */
    public AgentLoop(Sweeper sweeper, Publisher publisher, AgentMetrics metrics, int pendingEventLimit, EventSpool spool) {
        this.sweeper = sweeper;
        this.publisher = publisher;
        this.metrics = metrics;
        this.pendingEventLimit = pendingEventLimit;
        this.spool = spool;
        metrics.gauge("quayside_agent_pending_events", "Events waiting for the runtime to be reachable.", pendingEvents::size);
        metrics.gauge("quayside_agent_spool_depth", "Events that hooks spooled and the agent has not sent on yet.", spool::depth);
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
        if (sendSpooledEvents()) {
            sendPendingEvents();
        }
        // Batches go to the publisher even when events could not: its spool keeps them, in order.
        for (SampleBatch batch : result.batches()) {
            long started = System.nanoTime();
            try {
                int bytes = publisher.publish(batch);
                if (bytes > 0) {
                    metrics.sent("batch", bytes, Duration.ofNanos(System.nanoTime() - started));
                }
            } catch (PublishException e) {
                metrics.sendFailed("batch", e.retryable() ? "unreachable" : "refused");
                LOG.warning("lost batch " + batch.batchId() + " of tenant " + batch.tenant() + " ("
                        + batch.samples().size() + " samples): " + e.getMessage());
            }
        }
    }

    /** True when the spool is empty afterwards; a retryable failure leaves the rest spooled, in order. */
    private boolean sendSpooledEvents() {
        try {
            for (EventSpool.Spooled spooled : spool.oldest(SPOOL_BATCH)) {
                if (!send(spooled.event())) {
                    return false;
                }
                spool.confirm(spooled);
            }
        } catch (IOException e) {
            LOG.warning("cannot read the event spool: " + e.getMessage());
        }
        return true;
    }

    /** True when every pending event went out; a retryable failure keeps the rest for later. */
    private boolean sendPendingEvents() {
        while (!pendingEvents.isEmpty()) {
            if (!send(pendingEvents.peekFirst())) {
                return false;
            }
            pendingEvents.removeFirst();
        }
        return true;
    }

    /** False when the runtime is unreachable; an event it refuses is dropped, logged and counted. */
    private boolean send(ContainerEvent event) {
        long started = System.nanoTime();
        try {
            publisher.publish(event);
            metrics.sent("event", 0, Duration.ofNanos(System.nanoTime() - started));
            return true;
        } catch (PublishException e) {
            metrics.sendFailed("event", e.retryable() ? "unreachable" : "refused");
            if (e.retryable()) {
                LOG.warning("runtime unreachable, events wait: " + e.getMessage());
                return false;
            }
            LOG.severe("dropped " + event.kind() + " event of " + event.containerId() + ": " + e.getMessage());
            return true;
        }
    }
}
