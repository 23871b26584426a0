package io.quayside.functions.sinks.alertmanager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.functions.forward.RealAlertmanager;
import io.quayside.model.Alert;
import io.quayside.model.Labels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Alerts posted to Debian's real Alertmanager, read back through its own API. */
class AlertmanagerSinkTest {
    @TempDir
    Path work;
    private RealAlertmanager alertmanager;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @AfterEach
    void stop() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    private URI start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(RealAlertmanager.BINARY), "Alertmanager is not installed (apt-get install prometheus-alertmanager)");
        alertmanager = new RealAlertmanager(work);
        return alertmanager.base();
    }

    @Test
    void alertmanagerReceivesFiringAlertsWithLabelsAndAnnotations() throws Exception {
        URI base = start();
        Instant startsAt = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Alert alert = new Alert(Labels.of("alertname", "ServiceBusy", "service", "shop", "severity", "page"),
                Map.of("summary", "shop serves 2 requests/s"), startsAt, Instant.now().plusSeconds(240), "http://quayside/graph");

        new AlertmanagerSink(base, json, Duration.ofSeconds(5)).send("local", List.of(alert));

        assertThat(alertmanager.alerts(json)).singleElement().satisfies(a -> {
            assertThat(a.path("labels").path("alertname").asText()).isEqualTo("ServiceBusy");
            assertThat(a.path("labels").path("service").asText()).isEqualTo("shop");
            assertThat(a.path("annotations").path("summary").asText()).isEqualTo("shop serves 2 requests/s");
            assertThat(a.path("status").path("state").asText()).isEqualTo("active");
            assertThat(Instant.parse(a.path("startsAt").asText())).isEqualTo(startsAt);
            assertThat(a.path("generatorURL").asText()).isEqualTo("http://quayside/graph");
            assertThat(a.path("fingerprint").asText()).isEqualTo(alert.fingerprint());
        });
    }

    @Test
    void aPostAlertmanagerRefusesIsReportedWithItsAnswer() throws Exception {
        AlertmanagerSink sink = new AlertmanagerSink(start(), json, Duration.ofSeconds(5));

        assertThatThrownBy(() -> sink.send("local", List.of(new Alert(Labels.EMPTY, Map.of(), null, null, null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refused 1 alerts of tenant local with 400");
    }

    @Test
    void anUnreachableAlertmanagerIsReportedToTheCaller() {
        AlertmanagerSink sink = new AlertmanagerSink(URI.create("http://127.0.0.1:9"), json, Duration.ofMillis(500));
        assertThatThrownBy(() -> sink.send("local", List.of(
                new Alert(Labels.of("alertname", "X"), Map.of(), Instant.now(), Instant.now().plusSeconds(60), ""))))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot reach Alertmanager http://127.0.0.1:9/api/v2/alerts");
    }
}
