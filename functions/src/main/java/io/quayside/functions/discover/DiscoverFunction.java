package io.quayside.functions.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.funqy.Funq;
import io.quarkus.logging.Log;
import io.quayside.functions.runtime.FunctionCaller;
import io.quayside.model.ContainerEvent;

import java.util.List;

/**
 * The {@code discover} function: a lifecycle event of any source in (EventBridge delivers ECS task
 * state changes here), or an SQS event of them from the agents' events queue; what each event did to
 * the registry out. Over HTTP, a payload holding an event of another tenant than the token's is
 * refused whole (403), before any is applied; within an SQS event, only its message is refused.
 */
public class DiscoverFunction {
    private final Discovery discovery;
    private final QueuedEvents queued;
    private final FunctionCaller caller;
    private final MeterRegistry meters;

    public DiscoverFunction(Discovery discovery, QueuedEvents queued, FunctionCaller caller, MeterRegistry meters) {
        this.discovery = discovery;
        this.queued = queued;
        this.caller = caller;
        this.meters = meters;
    }

    @Funq
    public Discovered discover(JsonNode payload) {
        if (QueuedEvents.isSqsEvent(payload)) {
            return queued.takeIn(payload, caller::grants, this::refused);
        }
        List<ContainerEvent> events = discovery.decode(payload);
        events.forEach(event -> caller.requireGranted(event.tenant(), "event"));
        return new Discovered(discovery.apply(events), List.of());
    }

    private void refused(String messageId, String reason, String message) {
        meters.counter("quayside_rejected_total", "input", "event", "reason", reason).increment();
        Log.warnf("discover: message %s rejected (%s): %s", messageId, reason, message);
    }
}
