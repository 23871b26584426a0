package io.quayside.functions.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quayside.model.ContainerLabels;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The HTTP contract that agents and Prometheus rely on; the test profile's local token is {@code test-token}. */
@QuarkusTest
class GatewayTest {
    private static final String TOKEN = "test-token";
    private static final MetricFamily CPU = new MetricFamily("container_cpu_usage_seconds_total", MetricType.COUNTER,
            "Cumulative cpu time consumed in seconds.");

    private final String containerId = "c-" + UUID.randomUUID();

    private static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    private static String event(String tenant, String containerId, String kind, Instant time) {
        return """
                {"tenant":"%s","node":"node-1","containerId":"%s","name":"web","image":"busybox:1.36",
                 "labels":{"service":"shop"},"runtime":"runc","kind":"%s","time":"%s"}""".formatted(tenant, containerId, kind, time);
    }

    private byte[] batch(String tenant, double cpuSeconds, long timestampMs) {
        Labels series = Labels.of(Labels.METRIC_NAME, CPU.name(), ContainerLabels.ID, containerId,
                ContainerLabels.NAME, "web", ContainerLabels.IMAGE, "busybox:1.36", ContainerLabels.NODE, "node-1");
        return new SampleBatchCodec().encode(new SampleBatch(UUID.randomUUID().toString(), tenant, "node-1", "test",
                timestampMs, List.of(CPU), List.of(new Sample(series, cpuSeconds, timestampMs))));
    }

    private void postEvent(String kind, Instant time) {
        authorized().contentType("application/json").body(event("local", containerId, kind, time))
                .post("/v1/events").then().statusCode(200);
    }

    private void postBatch(byte[] batch) {
        authorized().contentType(SampleBatchCodec.MEDIA_TYPE).body(batch).post("/v1/ingest").then().statusCode(200);
    }

    @Test
    void healthAnswersWithoutToken() {
        given().get("/healthz").then().statusCode(200).body(equalTo("ok\n"));
    }

    @Test
    void tenantRoutesNeedTheTenantsToken() {
        given().get("/v1/local/sd").then().statusCode(401).body(containsString("missing bearer token"));
        given().header("Authorization", "Bearer wrong").get("/v1/local/metrics").then().statusCode(401);
        given().header("Authorization", "Basic " + TOKEN).get("/v1/local/metrics").then().statusCode(401);
        authorized().get("/v1/nobody/sd").then().statusCode(404).body(containsString("unknown tenant 'nobody'"));
        given().get("/v1/local/containers/x/metrics").then().statusCode(401);
    }

    @Test
    void discoveredContainerIsATargetAndServesItsLatestSamples() {
        long now = System.currentTimeMillis();
        postEvent("started", Instant.ofEpochMilli(now));
        postBatch(batch("local", 1.5, now));
        postBatch(batch("local", 2.25, now + 1000));
        postBatch(batch("local", 1.75, now + 500)); // late and older: must not replace the newer value

        authorized().get("/v1/local/sd").then().statusCode(200)
                .body("find { it.labels.container_id == '%s' }.labels.__metrics_path__".formatted(containerId),
                        equalTo("/v1/local/containers/" + containerId + "/metrics"))
                .body("find { it.labels.container_id == '%s' }.labels.name".formatted(containerId), equalTo("web"))
                .body("find { it.labels.container_id == '%s' }.labels.image".formatted(containerId), equalTo("busybox:1.36"))
                .body("find { it.labels.container_id == '%s' }.labels.node".formatted(containerId), equalTo("node-1"))
                .body("find { it.labels.container_id == '%s' }.targets[0]".formatted(containerId), containsString(":"));

        String expected = "container_cpu_usage_seconds_total{id=\"%s\",image=\"busybox:1.36\",name=\"web\",node=\"node-1\"} 2.25 %d\n"
                .formatted(containerId, now + 1000);
        authorized().get("/v1/local/containers/" + containerId + "/metrics").then().statusCode(200)
                .contentType(allOf(startsWith("text/plain"), containsString("version=0.0.4")))
                .body(containsString("# TYPE container_cpu_usage_seconds_total counter\n"))
                .body(containsString("# HELP container_cpu_usage_seconds_total Cumulative cpu time consumed in seconds.\n"))
                .body(containsString(expected));
        authorized().get("/v1/local/metrics").then().statusCode(200).body(containsString(expected));
    }

    @Test
    void destroyedContainerLeavesDiscoveryAndItsSamplesGo() {
        long now = System.currentTimeMillis();
        postEvent("started", Instant.ofEpochMilli(now));
        postBatch(batch("local", 3, now));
        postEvent("destroyed", Instant.ofEpochMilli(now + 1));

        authorized().get("/v1/local/sd").then().statusCode(200).body("labels.container_id", not(hasItem(containerId)));
        authorized().get("/v1/local/containers/" + containerId + "/metrics").then().statusCode(404)
                .body(containsString("unknown container"));
        authorized().get("/v1/local/metrics").then().statusCode(200).body(not(containsString(containerId)));
    }

    @Test
    void undecodableBatchIsRefusedWithItsReasonCountedAndHarmsNothingElse() {
        long now = System.currentTimeMillis();
        postEvent("started", Instant.ofEpochMilli(now));
        postBatch(batch("local", 7, now));
        byte[] truncated = batch("local", 8, now + 1000);
        truncated = java.util.Arrays.copyOf(truncated, truncated.length - 3);

        authorized().contentType(SampleBatchCodec.MEDIA_TYPE).body(truncated).post("/v1/ingest").then()
                .statusCode(400).body(containsString("invalid batch")).body(containsString("truncated"));
        authorized().contentType(SampleBatchCodec.MEDIA_TYPE).body("hello".getBytes()).post("/v1/ingest").then()
                .statusCode(400).body(containsString("invalid batch"));

        authorized().get("/v1/local/containers/" + containerId + "/metrics").then().statusCode(200)
                .body(containsString("} 7 " + now + "\n"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("quayside_rejected_total{input=\"batch\",reason=\"malformed\"}"));
    }

    @Test
    void batchOrEventForAnotherTenantIsForbidden() {
        long now = System.currentTimeMillis();
        authorized().contentType(SampleBatchCodec.MEDIA_TYPE).body(batch("other", 1, now)).post("/v1/ingest").then()
                .statusCode(403).body(containsString("tenant 'other'"));
        authorized().contentType("application/json").body(event("other", containerId, "started", Instant.now()))
                .post("/v1/events").then().statusCode(403);
        given().contentType(SampleBatchCodec.MEDIA_TYPE).body(batch("local", 1, now)).post("/v1/ingest").then().statusCode(401);
    }

    @Test
    void invalidEventIsRefusedNamingWhatIsWrong() {
        authorized().contentType("application/json").body("{\"tenant\":\"local\",\"kind\":\"started\",\"time\":\"2026-01-01T00:00:00Z\"}")
                .post("/v1/events").then().statusCode(400).body(containsString("containerId is required"));
        authorized().contentType("application/json").body(event("local", containerId, "exploded", Instant.now()))
                .post("/v1/events").then().statusCode(400).body(containsString("exploded"));
        authorized().contentType("application/json").body("{not json").post("/v1/events").then().statusCode(400);
        given().get("/q/metrics").then().body(containsString("quayside_rejected_total{input=\"event\",reason=\"malformed\"}"));
        authorized().get("/v1/local/containers/" + containerId + "/metrics").then().statusCode(404);
    }

    @Test
    void replayedEventFilesRegisterAndRemoveTheirContainer() throws Exception {
        Path events = Path.of(System.getProperty("quayside.repo.dir"), "events", "quayside");
        authorized().contentType("application/json").body(Files.readAllBytes(events.resolve("container-started.json")))
                .post("/v1/events").then().statusCode(200).body("result", equalTo("added"));
        authorized().get("/v1/local/sd").then().body("labels.container_id", hasItem("4f2a9c1e7b3d"));
        authorized().contentType("application/json").body(Files.readAllBytes(events.resolve("container-destroyed.json")))
                .post("/v1/events").then().statusCode(200).body("result", equalTo("removed"));
        authorized().get("/v1/local/sd").then().body("labels.container_id", not(hasItem("4f2a9c1e7b3d")));
    }

    /** An SQS event as the samples queue delivers it, one message per body, attributes as the agent sets them. */
    private static String sqsEvent(String tenant, Map<String, byte[]> bodies) {
        return bodies.entrySet().stream().map(body -> """
                {"messageId":"%s","receiptHandle":"r-%1$s","body":"%s","attributes":{"ApproximateReceiveCount":"1"},
                 "messageAttributes":{"tenant":{"stringValue":"%s","dataType":"String"}},"eventSource":"aws:sqs"}"""
                .formatted(body.getKey(), Base64.getEncoder().encodeToString(body.getValue()), tenant))
                .collect(Collectors.joining(",", "{\"Records\":[", "]}"));
    }

    @Test
    void funqyIngestTakesAnSqsEventAndReportsOnlyTheMessagesItRefused() {
        long now = System.currentTimeMillis();
        postEvent("started", Instant.ofEpochMilli(now));
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("m-ok", batch("local", 4.5, now));
        bodies.put("m-bad", "hello".getBytes());
        bodies.put("m-again", bodies.get("m-ok"));
        authorized().contentType("application/json").body(sqsEvent("local", bodies)).post("/ingest").then().statusCode(200)
                .body("batchItemFailures.itemIdentifier", contains("m-bad"));
        authorized().get("/v1/local/containers/" + containerId + "/metrics").then()
                .body(containsString("} 4.5 " + now + "\n"));
        given().get("/q/metrics").then()
                .body(containsString("quayside_duplicate_batches_total{tenant=\"local\"}"))
                .body(containsString("quayside_rejected_total{input=\"batch\",reason=\"malformed\"}"));
    }

    @Test
    void funqyFunctionsTakeNothingOfAnotherTenant() {
        long now = System.currentTimeMillis();
        authorized().contentType("application/json").body(sqsEvent("other", Map.of("m-other", batch("other", 1, now))))
                .post("/ingest").then().statusCode(200).body("batchItemFailures.itemIdentifier", contains("m-other"));
        given().get("/q/metrics").then().body(containsString("quayside_rejected_total{input=\"batch\",reason=\"forbidden\"}"));
        authorized().contentType("application/json").body(event("other", containerId, "started", Instant.now()))
                .post("/discover").then().statusCode(403).body(containsString("tenant 'other'"));
        authorized().contentType("application/json").body("{\"tenant\":\"other\",\"alerts\":[]}")
                .post("/forward").then().statusCode(403);
        given().get("/q/metrics").then().body(containsString("quayside_rejected_total{input=\"event\",reason=\"forbidden\"}"));
    }

    @Test
    void funqyFunctionsNeedATokenToo() {
        String body = event("local", containerId, "started", Instant.now());
        for (String function : List.of("/ingest", "/discover", "/evaluate", "/forward")) {
            given().contentType("application/json").body(body).post(function).then().statusCode(401);
        }
        authorized().contentType("application/json").body(body).post("/discover").then().statusCode(200)
                .body("applied[0].result", equalTo("added"));
        authorized().get("/v1/local/sd").then().body("labels.container_id", hasItem(containerId));
    }
}
