package io.quayside.functions.sinks.alertmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.functions.evaluate.AlertSink;
import io.quayside.model.Alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Posts alerts to Alertmanager's API v2 ({@code POST /api/v2/alerts}), as Prometheus' notifier
 * does. A failed post throws, so that the caller decides: the alerts queue's consumer has SQS deliver
 * them again; the in-process channel logs it, and the alerts go at their next resend, like Prometheus'.
 */
public final class AlertmanagerSink implements AlertSink {
    private final URI alerts;
    private final ObjectMapper json;
    private final HttpClient client;
    private final Duration timeout;

    public AlertmanagerSink(URI alertmanager, ObjectMapper json, Duration timeout) {
        this.alerts = alertmanager.resolve("/api/v2/alerts");
        this.json = json;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public void send(String tenant, List<Alert> batch) {
        try {
            HttpRequest request = HttpRequest.newBuilder(alerts).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(batch))).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Alertmanager " + alerts + " refused " + batch.size() + " alerts of tenant " + tenant
                        + " with " + response.statusCode() + ": " + response.body().strip());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alerts could not be written as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Alertmanager " + alerts + " (" + batch.size() + " alerts of tenant "
                    + tenant + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting alerts to " + alerts, e);
        }
    }
}
