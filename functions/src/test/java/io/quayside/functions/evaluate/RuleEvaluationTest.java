package io.quayside.functions.evaluate;

import io.quarkus.test.junit.QuarkusTest;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The rule file in src/test/resources/runtime-rules/local/ evaluated by the runtime: a per-service
 * recording rule and an alert on it, driven by schedule events at chosen times.
 */
@QuarkusTest
class RuleEvaluationTest {
    private static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer test-token");
    }

    private static void evaluateAt(long timeMs) {
        String event = """
                {"version":"0","id":"%s","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012",
                 "time":"%s","region":"eu-west-1","resources":[],"detail":{}}""".formatted(UUID.randomUUID(), Instant.ofEpochMilli(timeMs));
        authorized().contentType("application/json").body(event).post("/evaluate").then().statusCode(200);
    }

    @Test
    void recordingRuleFeedsAnAlertThatGoesPendingThenFiring() {
        long end = System.currentTimeMillis() / 10_000 * 10_000;
        String service = "shop-" + UUID.randomUUID().toString().substring(0, 6);
        MetricFamily family = new MetricFamily("requests_total", MetricType.COUNTER, "");
        for (long t = end - 120_000; t <= end; t += 5_000) {
            List<Sample> samples = List.of(
                    new Sample(Labels.of("__name__", "requests_total", "id", service + "-1", "service", service), (t - end) / 1000.0 + 1000, t),
                    new Sample(Labels.of("__name__", "requests_total", "id", service + "-2", "service", service), (t - end) / 1000.0 + 1000, t));
            authorized().contentType(SampleBatchCodec.MEDIA_TYPE).body(new SampleBatchCodec().encode(new SampleBatch(
                    UUID.randomUUID().toString(), "local", "n", "t", t, List.of(family), samples))).post("/v1/ingest")
                    .then().statusCode(200);
        }

        evaluateAt(end - 30_000);
        authorized().get("/v1/local/api/v1/alerts").then().statusCode(200)
                .body("data.alerts.find { it.labels.service == '%s' }.state".formatted(service), equalTo("pending"));

        for (long t = end - 20_000; t <= end; t += 10_000) {
            evaluateAt(t);
        }
        authorized().get("/v1/local/api/v1/alerts").then().statusCode(200)
                .body("data.alerts.find { it.labels.service == '%s' }.state".formatted(service), equalTo("firing"))
                .body("data.alerts.find { it.labels.service == '%s' }.labels.severity".formatted(service), equalTo("page"))
                .body("data.alerts.find { it.labels.service == '%s' }.annotations.summary".formatted(service),
                        equalTo(service + " serves 2 requests/s"));

        String at = Double.toString(end / 1000.0);
        authorized().queryParam("query", "service:requests:rate1m{service=\"%s\"}".formatted(service)).queryParam("time", at)
                .get("/v1/local/api/v1/query").then().statusCode(200).body("data.result[0].value[1]", equalTo("2"));
        authorized().queryParam("query", "ALERTS{alertname=\"ServiceBusy\",service=\"%s\"}".formatted(service)).queryParam("time", at)
                .get("/v1/local/api/v1/query").then().statusCode(200)
                .body("data.result.metric.alertstate", hasItem("firing"));
    }
}
