package io.quayside.agent.hook;

import io.quayside.agent.runtimes.runc.RuncRuntime;
import io.quayside.model.ContainerEvent;

import java.time.Instant;
import java.util.Map;

/**
 * The event for the OCI state a runtime hands its hooks on stdin
 * ({@code {"ociVersion","id","status","pid","bundle","annotations"}}). Annotations become labels,
 * as the agent's runc sweep reports them, so both sources describe a container alike.
 */
final class OciHookEvent {
    static final String TENANT_ANNOTATION = "io.quayside.tenant";

    private OciHookEvent() {
    }

    static ContainerEvent from(EventJson.OciState state, ContainerEvent.Kind kind, HookSettings settings, Instant now) {
        Map<String, String> annotations = state.annotations();
        return new ContainerEvent(annotations.getOrDefault(TENANT_ANNOTATION, settings.defaultTenant()), settings.node(),
                state.id(), annotations.get(RuncRuntime.NAME_ANNOTATION),
                annotations.get(RuncRuntime.IMAGE_ANNOTATION), annotations, "runc", kind, now);
    }
}
