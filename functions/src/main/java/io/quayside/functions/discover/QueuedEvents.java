package io.quayside.functions.discover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.functions.discover.sources.LifecycleEventException;
import io.quayside.functions.ingest.sqs.SqsBatchResponse;
import io.quayside.model.ContainerEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lifecycle events that came through the agents' events queue: an SQS event whose every message
 * body is one payload of any source. Each message is applied alone, so that one bad message is
 * delivered again (and reaches the dead-letter queue) without holding back its neighbours.
 */
public final class QueuedEvents {
    private final Discovery discovery;
    private final ObjectMapper json;

    public QueuedEvents(Discovery discovery, ObjectMapper json) {
        this.discovery = discovery;
        this.json = json;
    }

    /** Whether the payload is an SQS event rather than a lifecycle event itself. */
    public static boolean isSqsEvent(JsonNode payload) {
        JsonNode records = payload == null ? null : payload.get("Records");
        return records != null && records.isArray() && !records.isEmpty()
                && "aws:sqs".equals(records.get(0).path("eventSource").asText());
    }

    /**
     * @param granted the tenants the caller may act for; a message of another tenant is refused
     * @param refused told of each refused message: its id and what was wrong
     */
    public Discovered takeIn(JsonNode sqsEvent, Predicate<String> granted, Refusals refused) {
        List<AppliedEvent> applied = new ArrayList<>();
        List<SqsBatchResponse.ItemFailure> failures = new ArrayList<>();
        for (JsonNode message : sqsEvent.get("Records")) {
            String messageId = message.path("messageId").asText();
            try {
                List<ContainerEvent> events = discovery.decode(json.readTree(message.path("body").asText()));
                String other = events.stream().map(ContainerEvent::tenant).filter(granted.negate()).findFirst().orElse(null);
                if (other != null) {
                    refused.refused(messageId, "forbidden", "this token does not grant access to tenant '" + other + "'");
                    failures.add(new SqsBatchResponse.ItemFailure(messageId));
                } else {
                    applied.addAll(discovery.apply(events));
                }
            } catch (JsonProcessingException | LifecycleEventException e) {
                refused.refused(messageId, "malformed", "message body is not a lifecycle event: " + e.getMessage());
                failures.add(new SqsBatchResponse.ItemFailure(messageId));
            }
        }
        return new Discovered(applied, failures);
    }

    /** Where refusals are counted and logged. */
    @FunctionalInterface
    public interface Refusals {
        void refused(String messageId, String reason, String message);
    }
}
