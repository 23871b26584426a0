package io.quayside.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Instant queries against a real Prometheus' HTTP API. */
final class PrometheusApi {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    PrometheusApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The value of each result series, keyed by its {@code name} label; empty while Prometheus is not ready. */
    Map<String, Double> valuesByName(String promql) throws InterruptedException {
        Map<String, Double> values = new HashMap<>();
        try {
            URI uri = URI.create(base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return values;
            }
            for (JsonNode series : json.readTree(response.body()).path("data").path("result")) {
                values.put(series.path("metric").path("name").asText(), series.path("value").path(1).asDouble());
            }
        } catch (IOException notReady) {
            // Prometheus is still starting; the caller polls.
        }
        return values;
    }
}
