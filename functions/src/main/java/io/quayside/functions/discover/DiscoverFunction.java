package io.quayside.functions.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.funqy.Funq;

import java.util.List;

/**
 * The {@code discover} function: a lifecycle event of any source in (EventBridge delivers ECS task
 * state changes here), what each of its events did to the registry out.
 */
public class DiscoverFunction {
    private final Discovery discovery;

    public DiscoverFunction(Discovery discovery) {
        this.discovery = discovery;
    }

    @Funq
    public List<AppliedEvent> discover(JsonNode payload) {
        return discovery.apply(payload);
    }
}
