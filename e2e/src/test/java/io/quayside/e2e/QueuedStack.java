package io.quayside.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The serverless flow on one machine: the node agent sends to SQS (ElasticMQ here), and the functions
 * runtime takes the batches in from the queue as Lambda's event source mapping would; both run from
 * their packaged jars, with private state, port and runc root.
 */
final class QueuedStack implements AutoCloseable {
    static final String INTERVAL = "1s";
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final List<String> JAVA_OPTS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

    final Path work;
    final Gateway gateway;
    final String node = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    final Path batchSpool;
    private final QueueServer queues;
    private HostProcess functions;
    private HostProcess agent;

    QueuedStack(QueueServer queues) throws IOException {
        this.queues = queues;
        work = Files.createTempDirectory("quayside-sqs");
        gateway = new Gateway(Host.freePort(), "e2e-" + UUID.randomUUID());
        batchSpool = work.resolve("spool/batches");
    }

    /** The functions runtime, consuming the samples queue with a short long poll and backoff; returns once its gateway answers. */
    HostProcess startFunctions() throws Exception {
        Map<String, String> env = new HashMap<>(QueueServer.CREDENTIALS);
        env.putAll(Map.of(
                "QUAYSIDE_HTTP_PORT", Integer.toString(gateway.port),
                "QUAYSIDE_STATE_DIR", work.resolve("state").toString(),
                "QUAYSIDE_RULES_DIR", Files.createDirectories(work.resolve("rules")).toString(),
                "QUAYSIDE_LOCAL_TOKEN", gateway.token,
                "QUAYSIDE_SQS_SAMPLES_QUEUE_URL", queues.samples.toString(),
                "QUAYSIDE_SQS_ENDPOINT", queues.endpoint().toString(),
                "QUAYSIDE_SQS_REGION", QueueServer.REGION,
                "QUAYSIDE_SQS_WAIT_TIME", "1s",
                "QUAYSIDE_SQS_RECEIVE_BACKOFF", "200ms",
                "QUAYSIDE_SQS_RECEIVE_BACKOFF_MAX", "1s"));
        functions = java("functions", env);
        Host.await("the gateway", () -> gateway.get(gateway.uri("/healthz")).contains("ok"), functions);
        return functions;
    }

    /** The agent with the sqs transport, sweeping only runc's containers under {@code runcRoot} every interval. */
    HostProcess startAgent(Path runcRoot) throws IOException {
        Map<String, String> env = new HashMap<>(QueueServer.CREDENTIALS);
        env.putAll(Map.of(
                "QUAYSIDE_INTERVAL", INTERVAL,
                "QUAYSIDE_NODE", node,
                "QUAYSIDE_RUNC_ROOT", runcRoot.toString(),
                "QUAYSIDE_SPOOL_DIR", work.resolve("spool/events").toString(),
                "QUAYSIDE_AGENT_BATCH_SPOOL_DIR", batchSpool.toString(),
                "QUAYSIDE_AGENT_RUNTIMES", "runc",
                // Sweeps on the interval only, so that each sweep is one batch of the count the test checks.
                "QUAYSIDE_AGENT_WATCH", "false",
                "QUAYSIDE_AGENT_TRANSPORT", "sqs"));
        env.putAll(Map.of(
                "QUAYSIDE_AGENT_SQS_SAMPLES_QUEUE", queues.samples.toString(),
                "QUAYSIDE_AGENT_SQS_EVENTS_QUEUE", queues.events.toString(),
                "QUAYSIDE_AGENT_SQS_ENDPOINT", queues.endpoint().toString(),
                "QUAYSIDE_AGENT_SQS_REGION", QueueServer.REGION,
                "QUAYSIDE_AGENT_SEND_ATTEMPTS", "2",
                "QUAYSIDE_AGENT_SEND_BACKOFF", "100ms",
                "QUAYSIDE_AGENT_SEND_BACKOFF_MAX", "200ms",
                "QUAYSIDE_AGENT_SEND_TIMEOUT", "2s"));
        agent = java("node-agent", env);
        return agent;
    }

    private HostProcess java(String module, Map<String, String> env) throws IOException {
        List<String> command = Stream.of(List.of(JAVA), JAVA_OPTS, List.of("-jar",
                Host.REPO.resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toString())).flatMap(List::stream).toList();
        return HostProcess.start(command, env, work.resolve(module + ".log"));
    }

    /** Batches the agent holds on disk because the queue did not take them. */
    int spooled() throws IOException {
        if (!Files.isDirectory(batchSpool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(batchSpool)) {
            return (int) files.filter(file -> file.getFileName().toString().endsWith(".batch")
                    && !file.getFileName().toString().startsWith(".")).count();
        }
    }

    /** The runtime's own counter, summed over the series whose labels contain {@code labels}; 0 before it is counted. */
    double counter(String name, String labels) throws InterruptedException {
        double sum = 0;
        for (String line : gateway.get(gateway.uri("/q/metrics")).split("\n")) {
            if ((line.startsWith(name + "{") && line.contains(labels)) || (labels.isEmpty() && line.startsWith(name + " "))) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    record Point(long timestampMs, double value) {
    }

    /** The samples of each series that {@code selector} matches over the last ten minutes, oldest first. */
    List<List<Point>> samples(String selector) throws Exception {
        JsonNode answer = gateway.getJson(gateway.uri("/v1/local/api/v1/query?query="
                + URLEncoder.encode(selector + "[10m]", StandardCharsets.UTF_8)));
        List<List<Point>> all = new ArrayList<>();
        for (JsonNode series : answer.path("data").path("result")) {
            List<Point> points = new ArrayList<>();
            for (JsonNode point : series.path("values")) {
                points.add(new Point(Math.round(point.get(0).asDouble() * 1000), Double.parseDouble(point.get(1).asText())));
            }
            all.add(points);
        }
        return all;
    }

    /** SIGTERM, as a service manager stops it: the agent finishes its tick. */
    void stopAgent() throws InterruptedException {
        agent.stop(20);
    }

    HostProcess functions() {
        return functions;
    }

    String logs() {
        return "functions:\n" + functions.log() + "\nagent:\n" + (agent == null ? "(not started)" : agent.log());
    }

    @Override
    public void close() throws InterruptedException {
        if (agent != null) {
            agent.close();
        }
        if (functions != null) {
            functions.close();
        }
    }
}
