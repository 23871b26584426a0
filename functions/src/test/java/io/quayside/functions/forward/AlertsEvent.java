package io.quayside.functions.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** events/sqs/alerts.json with its alerts still firing now: Alertmanager lists no alert whose endsAt has passed. */
public final class AlertsEvent {
    private AlertsEvent() {
    }

    /** The file's event, every alert of a TenantAlerts body ending four minutes from now (evaluation's resend window). */
    public static ObjectNode firingNow(ObjectMapper json) {
        try {
            ObjectNode event = (ObjectNode) json.readTree(Files.readString(
                    Path.of(System.getProperty("quayside.repo.dir"), "events", "sqs", "alerts.json")));
            String endsAt = Instant.now().plusSeconds(240).toString();
            for (JsonNode message : event.get("Records")) {
                JsonNode body = json.readTree(message.get("body").asText());
                if (body.has("alerts")) {
                    body.get("alerts").forEach(alert -> ((ObjectNode) alert).put("endsAt", endsAt));
                    ((ObjectNode) message).put("body", json.writeValueAsString(body));
                }
            }
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
