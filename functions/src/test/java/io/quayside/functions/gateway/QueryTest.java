package io.quayside.functions.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Prometheus' query API over what the agents sent. */
@QuarkusTest
class QueryTest {
    private final String job = "q" + UUID.randomUUID().toString().substring(0, 8);

    private static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer test-token");
    }

    /** One minute of a counter that grows 2 a second, for containers a and b, every 10 s up to {@code endMs}. */
    private void ingestMinuteEndingAt(long endMs) {
        MetricFamily family = new MetricFamily("requests_total", MetricType.COUNTER, "");
        for (long t = endMs - 60_000; t <= endMs; t += 10_000) {
            List<Sample> samples = new ArrayList<>();
            for (String id : List.of("a", "b")) {
                Labels labels = Labels.of("__name__", "requests_total", "id", job + "-" + id, "job", job);
                samples.add(new Sample(labels, (t - (endMs - 60_000)) / 1000.0 * 2, t));
            }
            byte[] batch = new SampleBatchCodec().encode(new SampleBatch(UUID.randomUUID().toString(), "local", "n", "t", t,
                    List.of(family), samples));
            authorized().contentType(SampleBatchCodec.MEDIA_TYPE).body(batch).post("/v1/ingest").then().statusCode(200);
        }
    }

    @Test
    void instantQueryAnswersLikePrometheus() {
        long end = System.currentTimeMillis() / 1000 * 1000;
        ingestMinuteEndingAt(end);
        String at = Double.toString(end / 1000.0);

        authorized().queryParam("query", "sum by (job) (rate(requests_total{job=\"%s\"}[1m]))".formatted(job))
                .queryParam("time", at).get("/v1/local/api/v1/query").then().statusCode(200)
                .body("status", equalTo("success"))
                .body("data.resultType", equalTo("vector"))
                .body("data.result", hasSize(1))
                .body("data.result[0].metric.job", equalTo(job))
                .body("data.result[0].value[1]", equalTo("4"))
                .body(containsString("\"value\":[" + end / 1000 + ",\"4\"]"));

        authorized().contentType("application/x-www-form-urlencoded").formParam("query", "1 + 1").formParam("time", at)
                .post("/v1/local/api/v1/query").then().statusCode(200)
                .body("data.resultType", equalTo("scalar")).body("data.result[1]", equalTo("2"));
    }

    @Test
    void rangeQueryReturnsAMatrix() {
        long end = System.currentTimeMillis() / 1000 * 1000;
        ingestMinuteEndingAt(end);
        authorized().queryParam("query", "requests_total{job=\"%s\",id=~\".*-a\"}".formatted(job))
                .queryParam("start", Double.toString((end - 20_000) / 1000.0)).queryParam("end", Double.toString(end / 1000.0))
                .queryParam("step", "10s").get("/v1/local/api/v1/query_range").then().statusCode(200)
                .body("data.resultType", equalTo("matrix"))
                .body("data.result", hasSize(1))
                .body("data.result[0].values", hasSize(3))
                .body("data.result[0].values[2][1]", equalTo("120"));
    }

    @Test
    void badQueriesAreTheCallersError() {
        authorized().queryParam("query", "sum(rate(x[5m])").get("/v1/local/api/v1/query").then().statusCode(400)
                .body("status", equalTo("error")).body("errorType", equalTo("bad_data"))
                .body("error", containsString("1:"));
        authorized().queryParam("query", "up").queryParam("start", "1").queryParam("end", "100000").queryParam("step", "1")
                .get("/v1/local/api/v1/query_range").then().statusCode(400).body("error", containsString("11,000 points"));
        authorized().queryParam("query", "up").queryParam("time", "yesterday").get("/v1/local/api/v1/query").then()
                .statusCode(400).body("error", containsString("time"));
        given().queryParam("query", "up").get("/v1/local/api/v1/query").then().statusCode(401);
    }
}
