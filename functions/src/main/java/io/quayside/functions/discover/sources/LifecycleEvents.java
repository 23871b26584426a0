package io.quayside.functions.discover.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.quayside.functions.discover.sources.cloudevents.CloudEventDecoder;
import io.quayside.functions.discover.sources.docker.DockerEventDecoder;
import io.quayside.functions.discover.sources.ecs.EcsTaskStateDecoder;
import io.quayside.functions.discover.sources.quayside.QuaysideEventDecoder;
import io.quayside.model.ContainerEvent;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tells a lifecycle payload's source by its shape and decodes it with that source's decoder. */
public final class LifecycleEvents {
    private final List<EventDecoder> decoders;
    private final TenantMapping tenants;

    private LifecycleEvents(List<EventDecoder> decoders, TenantMapping tenants) {
        this.decoders = List.copyOf(decoders);
        this.tenants = tenants;
    }

    /** Every source Quayside reads; its own events last, as the shape of anything else that names a container. */
    public static LifecycleEvents of(TenantMapping tenants) {
        List<EventDecoder> payloads = List.of(new EcsTaskStateDecoder(), new DockerEventDecoder(), new QuaysideEventDecoder());
        List<EventDecoder> all = new ArrayList<>();
        all.add(new CloudEventDecoder(payloads));
        all.addAll(payloads);
        return new LifecycleEvents(all, tenants);
    }

    /** The payload's container events, possibly none; anything wrong is a {@link LifecycleEventException}. */
    public List<ContainerEvent> decode(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new LifecycleEventException("a lifecycle event is a JSON object, not "
                    + (payload == null ? "nothing" : payload.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        EventDecoder decoder = EventDecoder.firstAccepting(decoders, payload).orElseThrow(() -> unknownShape(payload));
        try {
            return decoder.decode(payload, tenants);
        } catch (LifecycleEventException | IllegalArgumentException | DateTimeException e) {
            throw new LifecycleEventException("invalid " + decoder.source() + ": " + e.getMessage(), e);
        }
    }

    private static LifecycleEventException unknownShape(JsonNode payload) {
        List<String> fields = new ArrayList<>();
        payload.fieldNames().forEachRemaining(fields::add);
        return new LifecycleEventException("unknown event shape (fields " + fields + "): Quayside reads its own "
                + "ContainerEvent (containerId, kind, time), Docker Engine events (Type, Action, Actor), EventBridge "
                + "'ECS Task State Change' events and CloudEvents 1.0 (specversion) wrapping one of these");
    }
}
