package io.quayside.functions.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.quayside.functions.gateway.ScrapeRoutesTest.authorized;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** Responses over {@code quayside.gateway.max-series-per-response} are refused, naming the limit and the count. */
@QuarkusTest
@TestProfile(SeriesLimitRouteTest.OneSeries.class)
class SeriesLimitRouteTest {
    public static class OneSeries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(SeriesLimit.PROPERTY, "1");
        }
    }

    @Test
    void metricsAndFederationOverTheLimitAre422() {
        String id = "c-" + UUID.randomUUID();
        ScrapeRoutesTest.start(id, "web", "{}");
        ScrapeRoutesTest.ingest(id, System.currentTimeMillis(), 1, 2);

        var refusal = allOf(containsString("would hold 2 series, more than the limit of 1"), containsString(SeriesLimit.PROPERTY));
        authorized().get("/v1/local/containers/" + id + "/metrics").then().statusCode(422).body(refusal);
        authorized().queryParam("match[]", "{id=\"%s\"}".formatted(id)).get("/v1/local/federate").then().statusCode(422).body(refusal);
        authorized().queryParam("match[]", "container_memory_usage_bytes{id=\"%s\"}".formatted(id)).get("/v1/local/federate")
                .then().statusCode(200).body(containsString("container_memory_usage_bytes{id=\"%s\"} 2".formatted(id)));
    }
}
