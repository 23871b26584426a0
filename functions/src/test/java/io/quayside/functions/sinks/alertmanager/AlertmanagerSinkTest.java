package io.quayside.functions.sinks.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.model.Alert;
import io.quayside.model.Labels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Alerts posted to Debian's real Alertmanager, read back through its own API. */
class AlertmanagerSinkTest {
    private static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");

    @TempDir
    Path work;
    private Process alertmanager;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.destroy();
            alertmanager.waitFor();
        }
    }

    private URI start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ALERTMANAGER), "Alertmanager is not installed (apt-get install prometheus-alertmanager)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(work.resolve("alertmanager.yml"), "route: {receiver: ops}\nreceivers: [{name: ops}]\n");
        alertmanager = new ProcessBuilder(ALERTMANAGER.toString(), "--config.file=" + config, "--storage.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(work.resolve("alertmanager.log").toFile()).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        for (int i = 0; i < 100; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return base;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Alertmanager did not start: " + Files.readString(work.resolve("alertmanager.log")));
    }

    @Test
    void alertmanagerReceivesFiringAlertsWithLabelsAndAnnotations() throws Exception {
        URI base = start();
        Instant startsAt = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Alert alert = new Alert(Labels.of("alertname", "ServiceBusy", "service", "shop", "severity", "page"),
                Map.of("summary", "shop serves 2 requests/s"), startsAt, Instant.now().plusSeconds(240), "http://quayside/graph");

        new AlertmanagerSink(base, json, Duration.ofSeconds(5)).send("local", List.of(alert));

        JsonNode received = json.readTree(http.send(HttpRequest.newBuilder(base.resolve("/api/v2/alerts")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(received).singleElement().satisfies(a -> {
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
    void anUnreachableAlertmanagerIsLoggedNotThrown() {
        AlertmanagerSink sink = new AlertmanagerSink(URI.create("http://127.0.0.1:9"), json, Duration.ofMillis(500));
        assertThatCode(() -> sink.send("local", List.of(
                new Alert(Labels.of("alertname", "X"), Map.of(), Instant.now(), Instant.now().plusSeconds(60), ""))))
                .doesNotThrowAnyException();
    }
}
