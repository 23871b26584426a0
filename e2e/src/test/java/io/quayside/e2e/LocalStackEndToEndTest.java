package io.quayside.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The README's run command, end to end: {@code infra/local/up --demo} starts the functions runtime,
 * the agent and three runc containers; a real Prometheus finds them through Quayside's HTTP SD and
 * scrapes them through the gateway.
 */
class LocalStackEndToEndTest {
    private static final Set<String> DEMO_NAMES = Set.of("web", "cache", "burner");
    private static final Path REPO = Path.of(System.getProperty("quayside.repo.dir", "..")).toAbsolutePath().normalize();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void prometheusScrapesEveryDemoContainerFoundThroughQuaysideDiscovery() throws Exception {
        assumeRuncRuns();
        String prometheus = requireOnPath("prometheus", "install Debian's prometheus package (apt-get install prometheus)");
        Path work = Files.createTempDirectory("quayside-e2e");
        int gatewayPort = freePort();
        int prometheusPort = freePort();
        String token = "e2e-" + UUID.randomUUID();
        String prefix = "qs-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Path runcRoot = work.resolve("runc");
        Path rules = Files.createDirectories(work.resolve("state/rules/local"));
        Files.writeString(rules.resolve("e2e.rules.yml"), BURNER_RULE);
        int alertmanagerPort = freePort();
        Map<String, String> env = Map.of(
                "QUAYSIDE_HTTP_PORT", Integer.toString(gatewayPort),
                "QUAYSIDE_STATE_DIR", work.resolve("state").toString(),
                "QUAYSIDE_LOCAL_TOKEN", token,
                "QUAYSIDE_INTERVAL", "1s",
                "QUAYSIDE_RUNC_ROOT", runcRoot.toString(),
                "QUAYSIDE_DEMO_PREFIX", prefix,
                "QUAYSIDE_ALERTMANAGER_URL", "http://127.0.0.1:" + alertmanagerPort);

        long started = System.nanoTime();
        try (HostProcess alertmanager = startAlertmanager(work, alertmanagerPort);
             HostProcess up = HostProcess.start(List.of(REPO.resolve("infra/local/up").toString(), "--demo"), env, work.resolve("up.log"))) {
            URI sd = URI.create("http://127.0.0.1:" + gatewayPort + "/v1/local/sd");
            awaitTargets(sd, token, up);
            System.out.printf("e2e: %d demo targets in /v1/local/sd %.1f s after 'up --demo'%n",
                    DEMO_NAMES.size(), (System.nanoTime() - started) / 1e9);

            Path config = work.resolve("prometheus.yml");
            Files.writeString(config, prometheusConfig(sd, token));
            try (HostProcess server = HostProcess.start(List.of(prometheus, "--config.file=" + config,
                    "--storage.tsdb.path=" + work.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort),
                    Map.of(), work.resolve("prometheus.log"))) {
                PrometheusApi api = new PrometheusApi(prometheusPort);
                Map<String, Double> usage = await("container_cpu_usage_seconds_total for every demo container",
                        () -> api.valuesByName("container_cpu_usage_seconds_total"), server);
                assertThat(usage.keySet()).containsExactlyInAnyOrderElementsOf(DEMO_NAMES);

                Map<String, Double> rates = await("a CPU rate for every demo container",
                        () -> api.valuesByName("rate(container_cpu_usage_seconds_total[10s])"), server);
                System.out.println("e2e: CPU rate by container: " + rates);
                String busiest = rates.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                assertThat(busiest).isEqualTo("burner");
                // A spinning loop against two sleeping ones: an order of magnitude apart, however busy the machine.
                assertThat(rates.get("burner")).isGreaterThan(10 * Math.max(rates.get("web"), rates.get("cache")));
            }

            // The rule in state/rules/local fires for the burner, and the forward function delivers it to Alertmanager.
            URI alerts = URI.create("http://127.0.0.1:" + alertmanagerPort + "/api/v2/alerts");
            await("the burner's alert in Alertmanager", () -> {
                for (JsonNode alert : json.readTree(get(alerts, token))) {
                    if (alert.path("labels").path("alertname").asText().equals("BurnerBusy")
                            && alert.path("labels").path("name").asText().equals("burner")) {
                        return Map.of("ok", 1.0);
                    }
                }
                return Map.of();
            }, up);

            assertThat(up.stop(60)).as("up stops on SIGTERM; its log:%n%s", up.log()).isTrue();
            assertThat(runcList(runcRoot)).as("demo containers are removed on exit").doesNotContain(prefix);
        }

        // The runtime alone, on the same state directory: registry and latest samples survived the stop.
        Path functionsJar = REPO.resolve("functions/target/quarkus-app/quarkus-run.jar");
        try (HostProcess functions = HostProcess.start(List.of("java", "-jar", functionsJar.toString()), env,
                work.resolve("restarted.log"))) {
            URI metrics = URI.create("http://127.0.0.1:" + gatewayPort + "/v1/local/metrics");
            await("the latest samples after a restart", () -> {
                String exposition = get(metrics, token);
                boolean all = DEMO_NAMES.stream().allMatch(name -> exposition.contains("name=\"" + name + "\""));
                return all && exposition.contains("# TYPE container_cpu_usage_seconds_total counter") ? Map.of("ok", 1.0) : Map.of();
            }, functions);
        }
    }

    /**
     * With sweeps a minute apart, only the agent's watch on runc's state can make new and removed
     * containers show in discovery within a second of {@code runc run} and {@code runc delete}.
     */
    @Test
    void containersAppearAndLeaveDiscoveryWithinASecond() throws Exception {
        assumeRuncRuns();
        Path work = Files.createTempDirectory("quayside-e2e-lifecycle");
        int gatewayPort = freePort();
        String token = "e2e-" + UUID.randomUUID();
        String first = "qs-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String second = "qs-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, String> env = Map.of(
                "QUAYSIDE_HTTP_PORT", Integer.toString(gatewayPort),
                "QUAYSIDE_STATE_DIR", work.resolve("state").toString(),
                "QUAYSIDE_LOCAL_TOKEN", token,
                "QUAYSIDE_INTERVAL", "60s",
                "QUAYSIDE_RUNC_ROOT", work.resolve("runc").toString(),
                "QUAYSIDE_DEMO_PREFIX", first);
        URI sd = URI.create("http://127.0.0.1:" + gatewayPort + "/v1/local/sd");
        try (HostProcess up = HostProcess.start(List.of(REPO.resolve("infra/local/up").toString(), "--demo"), env, work.resolve("up.log"))) {
            awaitTargets(sd, token, up);
            Map<String, String> more = new HashMap<>(env);
            more.put("QUAYSIDE_DEMO_PREFIX", second);

            demo("start", more);
            long shown = millisUntil(() -> targetIds(sd, token).stream().filter(id -> id.startsWith(second)).count() == 3);
            demo("stop", more);
            long gone = millisUntil(() -> targetIds(sd, token).stream().noneMatch(id -> id.startsWith(second)));

            System.out.printf("e2e: new containers in discovery %d ms after 'runc run', removed %d ms after 'runc delete'%n", shown, gone);
            assertThat(shown).as("ms from runc run to discovery").isLessThan(2000);
            assertThat(gone).as("ms from runc delete to discovery").isLessThan(2000);
        }
    }

    private List<String> targetIds(URI sd, String token) throws Exception {
        List<String> ids = new ArrayList<>();
        json.readTree(get(sd, token)).forEach(group -> ids.add(group.path("labels").path("container_id").asText()));
        return ids;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static long millisUntil(Condition condition) throws Exception {
        long start = System.nanoTime();
        while (!condition.holds()) {
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
                return TimeUnit.SECONDS.toMillis(30);
            }
            Thread.sleep(20);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void demo(String action, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(REPO.resolve("infra/local/demo").toString(), action).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as(output).isTrue();
    }

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

    private static HostProcess startAlertmanager(Path work, int port) throws Exception {
        String binary = requireOnPath("prometheus-alertmanager", "install Debian's prometheus-alertmanager package");
        Path config = Files.writeString(work.resolve("alertmanager.yml"), "route: {receiver: ops}\nreceivers: [{name: ops}]\n");
        return HostProcess.start(List.of(binary, "--config.file=" + config, "--storage.path=" + work.resolve("alertmanager"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="), Map.of(), work.resolve("alertmanager.log"));
    }

    private void awaitTargets(URI sd, String token, HostProcess up) throws Exception {
        await("the demo containers in HTTP SD", () -> {
            Set<String> names = new HashSet<>();
            for (JsonNode group : json.readTree(get(sd, token))) {
                names.add(group.path("labels").path("name").asText());
                assertThat(group.path("labels").path("__metrics_path__").asText()).startsWith("/v1/local/containers/");
            }
            return names.containsAll(DEMO_NAMES) ? Map.of("ok", 1.0) : Map.of();
        }, up);
    }

    private String get(URI uri, String token) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "[]";
        } catch (IOException notUpYet) {
            return "[]";
        }
    }

    private interface Probe {
        Map<String, Double> poll() throws Exception;
    }

    /** Polls until every demo container has a value (or a non-empty answer), for at most 90 s. */
    private static Map<String, Double> await(String what, Probe probe, HostProcess watched) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Map<String, Double> last = Map.of();
        while (System.nanoTime() < deadline) {
            if (!watched.alive()) {
                fail("process exited while waiting for %s; its log:%n%s", what, watched.log());
            }
            last = probe.poll();
            if (last.keySet().containsAll(DEMO_NAMES) || last.containsKey("ok")) {
                return last;
            }
            Thread.sleep(500);
        }
        return fail("timed out waiting for %s; last answer %s; log:%n%s", what, last, watched.log());
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

    private static void assumeRuncRuns() throws Exception {
        String reason = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            reason = "runc containers need root, and this test runs as " + System.getProperty("user.name");
        } else if (!onPath("runc")) {
            reason = "runc is not installed (apt-get install runc busybox-static)";
        } else if (!Files.isDirectory(Path.of("/sys/fs/cgroup/cpuacct")) && !Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
            reason = "no cgroup filesystem at /sys/fs/cgroup";
        }
        if (reason != null) {
            System.out.println("e2e: SKIPPED, this machine cannot run runc containers: " + reason);
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    private static String requireOnPath(String tool, String hint) {
        return List.of("/usr/bin/", "/usr/local/bin/", "/bin/").stream().map(dir -> dir + tool)
                .filter(path -> Files.isExecutable(Path.of(path))).findFirst()
                .orElseThrow(() -> new AssertionError(tool + " is missing: " + hint));
    }

    private static boolean onPath(String tool) {
        try {
            requireOnPath(tool, "");
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static String runcList(Path root) throws Exception {
        Process list = new ProcessBuilder("runc", "--root", root.toString(), "list", "-q").redirectErrorStream(true).start();
        String out = new String(list.getInputStream().readAllBytes());
        list.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
