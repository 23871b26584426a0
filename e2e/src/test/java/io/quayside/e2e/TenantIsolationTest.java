package io.quayside.e2e;

import io.quayside.model.ContainerLabels;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tenants on one runtime, scraped by one real Prometheus with one job per tenant, each with
 * its own token: every job sees its own tenant's containers and nothing of the other's.
 */
class TenantIsolationTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void eachTenantsJobGetsOnlyThatTenantsSeries() throws Exception {
        Host.assumeRuncRuns();
        String prometheus = Host.requireOnPath("prometheus", "install Debian's prometheus package (apt-get install prometheus)");
        int prometheusPort = Host.freePort();
        try (LocalStack stack = new LocalStack("isolation").with("QUAYSIDE_INTERVAL", "1s")) {
            String otherToken = createTenant(stack, "other");
            HostProcess up = stack.up();
            stack.awaitDemoTargets();
            String otherId = "other-" + UUID.randomUUID().toString().substring(0, 8);
            post(stack.uri("/v1/events"), otherToken, "application/json", """
                    {"tenant":"other","node":"elsewhere","containerId":"%s","name":"theirs","image":"busybox:other",
                     "runtime":"runc","kind":"started","time":"%s"}""".formatted(otherId, Instant.now()).getBytes());
            post(stack.uri("/v1/ingest"), otherToken, SampleBatchCodec.MEDIA_TYPE, batch(otherId));

            assertThat(status(stack.uri("/v1/other/metrics"), stack.token)).as("local's token on other's metrics").isEqualTo(403);
            assertThat(status(stack.uri("/v1/local/sd"), otherToken)).as("other's token on local's discovery").isEqualTo(403);

            Path config = Files.writeString(stack.work.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: 1s
                    scrape_configs:
                    %s
                    %s
                    """.formatted(job("local", stack.uri("/v1/local/sd"), stack.token), job("other", stack.uri("/v1/other/sd"), otherToken)));
            try (HostProcess server = HostProcess.start(List.of(prometheus, "--config.file=" + config,
                    "--storage.tsdb.path=" + stack.work.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort),
                    Map.of(), stack.work.resolve("prometheus.log"))) {
                PrometheusApi api = new PrometheusApi(prometheusPort);
                Host.await("both tenants' series in Prometheus", () ->
                        api.valuesByName("container_cpu_usage_seconds_total{job=\"local\"}").keySet().containsAll(LocalStack.DEMO_NAMES)
                                && api.valuesByName("container_cpu_usage_seconds_total{job=\"other\"}").containsKey("theirs"), server);

                assertThat(api.valuesByName("container_cpu_usage_seconds_total{job=\"other\"}").keySet()).containsExactly("theirs");
                assertThat(api.valuesByName("container_cpu_usage_seconds_total{job=\"local\"}").keySet())
                        .containsExactlyInAnyOrderElementsOf(LocalStack.DEMO_NAMES);
                assertThat(api.valuesByName("{job=\"local\",name=\"theirs\"}")).isEmpty();
                assertThat(api.valuesByName("{job=\"other\",name=~\"web|cache|burner\"}")).isEmpty();
            }
            assertThat(up.alive()).isTrue();
        }
    }

    /** {@code tenants create} of the functions jar, on the stack's state directory, before the runtime starts. */
    private static String createTenant(LocalStack stack, String tenant) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", Host.REPO.resolve("functions/target/quarkus-app/quarkus-run.jar").toString(),
                "tenants", "create", tenant).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(stack.env);
        Process create = builder.start();
        String token = new String(create.getInputStream().readAllBytes()).strip();
        assertThat(create.waitFor(60, TimeUnit.SECONDS) && create.exitValue() == 0).as("tenants create %s", tenant).isTrue();
        assertThat(token).startsWith("qs_");
        return token;
    }

    private static String job(String tenant, URI sd, String token) {
        return """
                  - job_name: %1$s
                    honor_labels: true
                    authorization: {type: Bearer, credentials: '%3$s'}
                    http_sd_configs:
                      - url: %2$s
                        refresh_interval: 1s
                        authorization: {type: Bearer, credentials: '%3$s'}""".formatted(tenant, sd, token);
    }

    private static byte[] batch(String containerId) {
        long now = System.currentTimeMillis();
        MetricFamily cpu = new MetricFamily("container_cpu_usage_seconds_total", MetricType.COUNTER, "Cumulative cpu time consumed in seconds.");
        Labels series = Labels.of(Labels.METRIC_NAME, cpu.name(), ContainerLabels.ID, containerId, ContainerLabels.NAME, "theirs",
                ContainerLabels.IMAGE, "busybox:other", ContainerLabels.NODE, "elsewhere");
        return new SampleBatchCodec().encode(new SampleBatch(UUID.randomUUID().toString(), "other", "elsewhere", "e2e", now,
                List.of(cpu), List.of(new Sample(series, 12.5, now))));
    }

    private void post(URI uri, String token, String contentType, byte[] body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", uri, response.body()).isEqualTo(200);
    }

    private int status(URI uri, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
