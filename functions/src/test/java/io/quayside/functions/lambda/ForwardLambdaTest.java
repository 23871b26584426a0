package io.quayside.functions.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quayside.functions.forward.AlertsEvent;
import io.quayside.functions.forward.RealAlertmanager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static io.quayside.functions.lambda.LambdaInvocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

/**
 * The {@code forward} Lambda fed the alerts queue's SQS event of events/sqs/alerts.json, sending to
 * Debian's real Alertmanager.
 */
@QuarkusTest
@TestProfile(ForwardLambdaTest.Export.class)
@Tag("lambda")
class ForwardLambdaTest {
    public static class Export extends FunctionExport {
        @Override
        String function() {
            return "forward";
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Alertmanager.class));
        }
    }

    /** Alertmanager for the Lambda's whole run, named to it as {@code quayside.alertmanager.url}. */
    public static class Alertmanager implements QuarkusTestResourceLifecycleManager {
        private RealAlertmanager alertmanager;

        @Override
        public Map<String, String> start() {
            try {
                alertmanager = new RealAlertmanager(Files.createTempDirectory("alertmanager"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return Map.of("quayside.alertmanager.url", alertmanager.base().toString());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(alertmanager, new TestInjector.MatchesType(RealAlertmanager.class));
        }

        @Override
        public void stop() {
            try {
                alertmanager.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    RealAlertmanager alertmanager;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    @Test
    void theAlertsQueueDeliversEachTenantsAlertsToAlertmanagerAndOnlyThePoisonIsDeliveredAgain() throws Exception {
        invoke(json.writeValueAsString(AlertsEvent.firingNow(json))).statusCode(200)
                .body("batchItemFailures.itemIdentifier", contains("5f2c8a90-3e1b-47d6-9b04-e6a1d3c72f58"));

        assertThat(alertmanager.alerts(json)).extracting(alert -> alert.path("labels").path("alertname").asText() + " "
                        + alert.path("status").path("state").asText())
                .containsExactlyInAnyOrder("ServiceBusy active", "ContainerMemoryHigh active", "ContainerRestarting active");
        assertThat(meters.counter("quayside_rejected_total", "input", "alerts", "reason", "malformed").count()).isEqualTo(1.0);
    }
}
