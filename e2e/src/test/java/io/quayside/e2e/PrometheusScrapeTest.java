package io.quayside.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, end to end: {@code infra/local/up --demo} starts the functions runtime,
 * the agent and three runc containers; a real Prometheus finds them through Quayside's HTTP SD and
 * scrapes them through the gateway; a rule on the burner fires and its alert reaches a real
 * Alertmanager; after a stop, the runtime alone still serves what it had.
 */
class PrometheusScrapeTest {
    /** Fires as soon as the burner's CPU shows, so the test need not wait out a realistic {@code for}. */
    private static final String BURNER_RULE = """
            groups:
              - name: e2e
                interval: 1s
                rules:
                  - alert: BurnerBusy
                    expr: rate(container_cpu_usage_seconds_total{name="burner"}[5s]) > 0.05
                    labels:
                      severity: page
                    annotations:
                      summary: '{{ $labels.name }} uses {{ $value | humanizePercentage }} of a CPU'
            """;

    @Test
    void prometheusScrapesEveryDemoContainerAndTheBurnersAlertReachesAlertmanager() throws Exception {
        Host.assumeRuncRuns();
        String prometheus = Host.requireOnPath("prometheus", "install Debian's prometheus package (apt-get install prometheus)");
        int prometheusPort = Host.freePort();
        int alertmanagerPort = Host.freePort();
        try (LocalStack stack = new LocalStack("e2e").with("QUAYSIDE_INTERVAL", "1s")
                .with("QUAYSIDE_ALERTMANAGER_URL", "http://127.0.0.1:" + alertmanagerPort).withRules("e2e.rules.yml", BURNER_RULE);
             HostProcess alertmanager = startAlertmanager(stack.work, alertmanagerPort)) {
            long started = System.nanoTime();
            HostProcess up = stack.up();
            stack.awaitDemoTargets();
            System.out.printf("e2e: %d demo targets in /v1/local/sd %.1f s after 'up --demo'%n",
                    LocalStack.DEMO_NAMES.size(), (System.nanoTime() - started) / 1e9);

            Path config = Files.writeString(stack.work.resolve("prometheus.yml"), prometheusConfig(stack.uri("/v1/local/sd"), stack.token));
            try (HostProcess server = HostProcess.start(List.of(prometheus, "--config.file=" + config,
                    "--storage.tsdb.path=" + stack.work.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort),
                    Map.of(), stack.work.resolve("prometheus.log"))) {
                PrometheusApi api = new PrometheusApi(prometheusPort);
                Host.await("container_cpu_usage_seconds_total for every demo container",
                        () -> api.valuesByName("container_cpu_usage_seconds_total").keySet().containsAll(LocalStack.DEMO_NAMES), server);
                assertThat(api.valuesByName("container_cpu_usage_seconds_total").keySet()).containsExactlyInAnyOrderElementsOf(LocalStack.DEMO_NAMES);

                Host.await("a CPU rate for every demo container",
                        () -> api.valuesByName("rate(container_cpu_usage_seconds_total[10s])").keySet().containsAll(LocalStack.DEMO_NAMES), server);
                Map<String, Double> rates = api.valuesByName("rate(container_cpu_usage_seconds_total[10s])");
                System.out.println("e2e: CPU rate by container: " + rates);
                String busiest = rates.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                assertThat(busiest).isEqualTo("burner");
                // A spinning loop against two sleeping ones: an order of magnitude apart, however busy the machine.
                assertThat(rates.get("burner")).isGreaterThan(10 * Math.max(rates.get("web"), rates.get("cache")));
            }

            URI alerts = URI.create("http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts");
            Host.await("the burner's alert in Alertmanager", () -> {
                for (JsonNode alert : stack.getJson(alerts)) {
                    if (alert.path("labels").path("alertname").asText().equals("BurnerBusy")
                            && alert.path("labels").path("name").asText().equals("burner")) {
                        return true;
                    }
                }
                return false;
            }, up);

            assertThat(up.stop(60)).as("up stops on SIGTERM; its log:%n%s", up.log()).isTrue();
            assertThat(runcList(stack.work.resolve("runc"))).as("demo containers are removed on exit").doesNotContain("qs-e2e-");

            // The runtime alone, on the same state directory: registry and latest samples survived the stop.
            Path functionsJar = Host.REPO.resolve("functions/target/quarkus-app/quarkus-run.jar");
            try (HostProcess functions = HostProcess.start(List.of("java", "-jar", functionsJar.toString()), stack.env,
                    stack.work.resolve("restarted.log"))) {
                Host.await("the latest samples after a restart", () -> {
                    String exposition = stack.get(stack.uri("/v1/local/metrics"));
                    return LocalStack.DEMO_NAMES.stream().allMatch(name -> exposition.contains("name=\"" + name + "\""))
                            && exposition.contains("# TYPE container_cpu_usage_seconds_total counter");
                }, functions);
            }
        }
    }

    private static HostProcess startAlertmanager(Path work, int port) throws Exception {
        String binary = Host.requireOnPath("prometheus-alertmanager", "install Debian's prometheus-alertmanager package");
        Path config = Files.writeString(work.resolve("alertmanager.yml"), "route: {receiver: ops}\nreceivers: [{name: ops}]\n");
        return HostProcess.start(List.of(binary, "--config.file=" + config, "--storage.path=" + work.resolve("alertmanager"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="), Map.of(), work.resolve("alertmanager.log"));
    }

    private static String prometheusConfig(URI sd, String token) {
        return """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: quayside
                    honor_labels: true
                    authorization: {type: Bearer, credentials: '%2$s'}
                    http_sd_configs:
                      - url: %1$s
                        refresh_interval: 1s
                        authorization: {type: Bearer, credentials: '%2$s'}
                """.formatted(sd, token);
    }

    private static String runcList(Path root) throws Exception {
        Process list = new ProcessBuilder("runc", "--root", root.toString(), "list", "-q").redirectErrorStream(true).start();
        String out = new String(list.getInputStream().readAllBytes());
        list.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
