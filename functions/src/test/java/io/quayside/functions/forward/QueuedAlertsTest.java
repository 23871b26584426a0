package io.quayside.functions.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.functions.ingest.sqs.SqsBatchResponse;
import io.quayside.functions.sinks.alertmanager.AlertmanagerSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The alerts queue's SQS events, each message sent alone to Debian's real Alertmanager, or to none. */
class QueuedAlertsTest {
    private static final String LOCAL = "0b7e4d21-9c3a-4f58-a6e2-7d15c8b3f904";
    private static final String POISON = "5f2c8a90-3e1b-47d6-9b04-e6a1d3c72f58";
    private static final String ACME = "a93d61f0-7b2e-4c85-8d19-2f6e0b4a5c37";

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final List<String> refusals = new ArrayList<>();
    private RealAlertmanager alertmanager;

    @TempDir
    Path work;

    @AfterEach
    void stop() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    private SqsBatchResponse forward(URI alertmanagerUrl, ObjectNode event, String grantedTenant) {
        QueuedAlerts queued = new QueuedAlerts(new AlertmanagerSink(alertmanagerUrl, json, Duration.ofSeconds(2)), json);
        return queued.forward(event, tenant -> grantedTenant == null || grantedTenant.equals(tenant),
                (messageId, reason, message) -> refusals.add(messageId + " " + reason + ": " + message));
    }

    private static List<String> failed(SqsBatchResponse response) {
        return response.batchItemFailures().stream().map(SqsBatchResponse.ItemFailure::itemIdentifier).toList();
    }

    @Test
    void everyTenantsAlertsReachAlertmanagerAndOnlyThePoisonIsDeliveredAgain() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(RealAlertmanager.BINARY), "Alertmanager is not installed");
        alertmanager = new RealAlertmanager(work);

        SqsBatchResponse response = forward(alertmanager.base(), AlertsEvent.firingNow(json), null);

        assertThat(failed(response)).containsExactly(POISON);
        assertThat(refusals).singleElement().asString().isEqualTo(POISON + " malformed: message body is not TenantAlerts JSON: no alerts array");
        assertThat(alertmanager.alerts(json)).extracting(alert -> alert.path("labels").path("alertname").asText())
                .containsExactlyInAnyOrder("ServiceBusy", "ContainerMemoryHigh", "ContainerRestarting");
    }

    @Test
    void alertmanagerDownFailsEveryMessageSoThatSqsDeliversThemAgain() {
        SqsBatchResponse response = forward(URI.create("http://127.0.0.1:9"), AlertsEvent.firingNow(json), null);

        assertThat(failed(response)).containsExactly(LOCAL, POISON, ACME);
        assertThat(refusals).filteredOn(refusal -> refusal.contains(" send_failed: ")).hasSize(2)
                .allSatisfy(refusal -> assertThat(refusal).contains("cannot reach Alertmanager http://127.0.0.1:9/api/v2/alerts"));
    }

    @Test
    void aMessageOfATenantTheCallerMayNotActForOrWhoseAttributeNamesAnotherTenantIsNotSent() {
        ObjectNode event = AlertsEvent.firingNow(json);
        ((ObjectNode) event.get("Records").get(0).get("messageAttributes").get("tenant")).put("stringValue", "acme");

        // Unreachable: a message that got as far as the send would fail with send_failed, not these reasons.
        SqsBatchResponse response = forward(URI.create("http://127.0.0.1:9"), event, "local");

        assertThat(failed(response)).containsExactly(LOCAL, POISON, ACME);
        assertThat(refusals).hasSize(3);
        assertThat(refusals.get(0)).isEqualTo(LOCAL + " tenant_mismatch: message attribute tenant 'acme' differs from the alerts' tenant 'local'");
        assertThat(refusals.get(1)).startsWith(POISON + " malformed: ");
        assertThat(refusals.get(2)).isEqualTo(ACME + " forbidden: this token does not grant access to tenant 'acme'");
    }
}
