package io.quayside.agent;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quayside.agent.publish.PublishException;
import io.quayside.agent.publish.Publisher;
import io.quayside.agent.sweep.SweepResult;
import io.quayside.agent.sweep.Sweeper;
import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Every interval: sweep, then send events (first, so that a container is known before its
 * samples arrive), then batches. Events that could not be sent wait for the next interval.
 */
@ApplicationScoped
public class AgentLoop {
    private final Sweeper sweeper;
    private final Publisher publisher;
    private final int pendingEventLimit;
    private final Deque<ContainerEvent> pendingEvents = new ArrayDeque<>();

    public AgentLoop(Sweeper sweeper, Publisher publisher, AgentConfig config) {
        this.sweeper = sweeper;
        this.publisher = publisher;
        this.pendingEventLimit = config.pendingEventLimit();
    }

    @Scheduled(every = "${quayside.agent.interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        SweepResult result = sweeper.sweep();
        if (!result.readErrors().isEmpty()) {
            Log.debugf("figures not read this sweep, by reason: %s", result.readErrors());
        }
        for (ContainerEvent event : result.events()) {
            if (pendingEvents.size() == pendingEventLimit) {
                ContainerEvent dropped = pendingEvents.removeFirst();
                Log.warnf("pending event limit %d reached: dropped %s event of %s", pendingEventLimit, dropped.kind(), dropped.containerId());
            }
            pendingEvents.addLast(event);
        }
        if (!sendPendingEvents()) {
            return;
        }
        for (SampleBatch batch : result.batches()) {
            try {
                publisher.publish(batch);
            } catch (PublishException e) {
                Log.warnf("lost batch %s of tenant %s (%d samples): %s", batch.batchId(), batch.tenant(), batch.samples().size(), e.getMessage());
            }
        }
    }

    /** True when every pending event went out; a retryable failure keeps the rest for later. */
    private boolean sendPendingEvents() {
        while (!pendingEvents.isEmpty()) {
            ContainerEvent event = pendingEvents.peekFirst();
            try {
                publisher.publish(event);
                pendingEvents.removeFirst();
            } catch (PublishException e) {
                if (e.retryable()) {
                    Log.warnf("runtime unreachable, %d events wait: %s", pendingEvents.size(), e.getMessage());
                    return false;
                }
                Log.errorf("dropped %s event of %s: %s", event.kind(), event.containerId(), e.getMessage());
                pendingEvents.removeFirst();
            }
        }
        return true;
    }
}
