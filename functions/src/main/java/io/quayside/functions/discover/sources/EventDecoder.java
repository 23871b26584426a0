package io.quayside.functions.discover.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.quayside.model.ContainerEvent;

import java.util.List;
import java.util.Optional;

/** Turns one source's lifecycle payload into container events. */
public interface EventDecoder {
    /** The source as error messages name it. */
    String source();

    /** Whether the payload has this source's shape; decoding may still find it invalid. */
    boolean accepts(JsonNode payload);

    /**
     * The payload's events, none when it is of the source but about no container's life (a Docker
     * image event, an exec). Throws {@link LifecycleEventException} (or the model's
     * {@link IllegalArgumentException}) naming what is wrong.
     */
    List<ContainerEvent> decode(JsonNode payload, TenantMapping tenants);

    static Optional<EventDecoder> firstAccepting(List<EventDecoder> decoders, JsonNode payload) {
        return decoders.stream().filter(decoder -> decoder.accepts(payload)).findFirst();
    }
}
