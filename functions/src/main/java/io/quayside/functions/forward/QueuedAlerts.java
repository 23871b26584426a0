package io.quayside.functions.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.functions.discover.QueuedEvents;
import io.quayside.functions.evaluate.AlertSink;
import io.quayside.functions.evaluate.TenantAlerts;
import io.quayside.functions.ingest.sqs.SqsBatchResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Alerts that came through the alerts queue: an SQS event whose every message body is one
 * {@link TenantAlerts}. Each message is sent alone; one that is not TenantAlerts, or whose send
 * failed (Alertmanager down), is a batch item failure, so SQS delivers it again and, after the
 * queue's max receive count, moves it to the dead-letter queue.
 */
public final class QueuedAlerts {
    private final AlertSink sink;
    private final ObjectMapper json;

    public QueuedAlerts(AlertSink sink, ObjectMapper json) {
        this.sink = sink;
        this.json = json;
    }

    /**
     * @param granted the tenants the caller may act for; a message of another tenant is not sent
     * @param refused told of each failed message: its id, why (a metric label) and what was wrong
     */
    public SqsBatchResponse forward(JsonNode sqsEvent, Predicate<String> granted, QueuedEvents.Refusals refused) {
        List<SqsBatchResponse.ItemFailure> failures = new ArrayList<>();
        for (JsonNode message : sqsEvent.get("Records")) {
            String messageId = message.path("messageId").asText();
            TenantAlerts alerts;
            try {
                alerts = read(message.path("body").asText());
            } catch (JsonProcessingException | IllegalArgumentException e) {
                refused.refused(messageId, "malformed", "message body is not TenantAlerts JSON: " + e.getMessage());
                failures.add(new SqsBatchResponse.ItemFailure(messageId));
                continue;
            }
            JsonNode claimed = message.path("messageAttributes").path(AlertsQueue.TENANT).path("stringValue");
            if (!claimed.isMissingNode() && !claimed.asText().equals(alerts.tenant())) {
                refused.refused(messageId, "tenant_mismatch", "message attribute tenant '" + claimed.asText()
                        + "' differs from the alerts' tenant '" + alerts.tenant() + "'");
                failures.add(new SqsBatchResponse.ItemFailure(messageId));
                continue;
            }
            if (!granted.test(alerts.tenant())) {
                refused.refused(messageId, "forbidden", "this token does not grant access to tenant '" + alerts.tenant() + "'");
                failures.add(new SqsBatchResponse.ItemFailure(messageId));
                continue;
            }
            try {
                sink.send(alerts.tenant(), alerts.alerts());
            } catch (RuntimeException e) {
                refused.refused(messageId, "send_failed", alerts.alerts().size() + " alerts of tenant " + alerts.tenant()
                        + " not sent, SQS delivers them again: " + e.getMessage());
                failures.add(new SqsBatchResponse.ItemFailure(messageId));
            }
        }
        return new SqsBatchResponse(failures);
    }

    /**
     * @throws JsonProcessingException when the text is not TenantAlerts JSON
     * @throws IllegalArgumentException when it names no tenant
     */
    private TenantAlerts read(String text) throws JsonProcessingException {
        return read(json.readTree(text));
    }

    /** The same, for a payload Funqy has read already. */
    TenantAlerts read(JsonNode payload) throws JsonProcessingException {
        if (payload == null || !payload.path("tenant").isTextual() || payload.path("tenant").asText().isBlank()) {
            throw new IllegalArgumentException("no tenant");
        }
        if (!payload.path("alerts").isArray()) {
            throw new IllegalArgumentException("no alerts array");
        }
        return json.treeToValue(payload, TenantAlerts.class);
    }
}
