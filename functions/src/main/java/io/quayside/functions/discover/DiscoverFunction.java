package io.quayside.functions.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.funqy.Funq;
import io.quayside.functions.runtime.FunctionCaller;
import io.quayside.model.ContainerEvent;

import java.util.List;

/**
 * The {@code discover} function: a lifecycle event of any source in (EventBridge delivers ECS task
 * state changes here), what each of its events did to the registry out. Over HTTP, a payload
 * holding an event of another tenant than the token's is refused whole (403), before any is applied.
 */
public class DiscoverFunction {
    private final Discovery discovery;
    private final FunctionCaller caller;

    public DiscoverFunction(Discovery discovery, FunctionCaller caller) {
        this.discovery = discovery;
        this.caller = caller;
    }

    @Funq
    public List<AppliedEvent> discover(JsonNode payload) {
        List<ContainerEvent> events = discovery.decode(payload);
        events.forEach(event -> caller.requireGranted(event.tenant(), "event"));
        return discovery.apply(events);
    }
}
