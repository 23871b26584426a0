package io.quayside.agent.publish.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.publish.PublishException;
import io.quayside.agent.publish.Publisher;
import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Posts batches to {@code /v1/ingest} and events to {@code /v1/events} of the functions runtime. */
public final class HttpPublisher implements Publisher {
    private final URI ingest;
    private final URI events;
    private final Optional<String> token;
    private final Duration timeout;
    private final ObjectMapper json;
    private final SampleBatchCodec codec = new SampleBatchCodec();
    private final HttpClient client;

    public HttpPublisher(URI endpoint, Optional<String> token, Duration timeout, ObjectMapper json) {
        this.ingest = endpoint.resolve("/v1/ingest");
        this.events = endpoint.resolve("/v1/events");
        this.token = token;
        this.timeout = timeout;
        this.json = json;
        // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every request with a body.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public int publish(SampleBatch batch) throws PublishException {
        byte[] body = codec.encode(batch);
        send(ingest, SampleBatchCodec.MEDIA_TYPE, body, "batch " + batch.batchId());
        return body.length;
    }

    @Override
    public void publish(ContainerEvent event) throws PublishException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new PublishException("cannot write event as JSON: " + e.getMessage(), false, e);
        }
        send(events, "application/json", body, event.kind() + " event of " + event.containerId());
    }

    private void send(URI uri, String contentType, byte[] body, String what) throws PublishException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PublishException("cannot send " + what + " to " + uri + ": " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted sending " + what, true, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            // 4xx: the content or the token is wrong, and stays wrong; 429 and 5xx may pass later.
            boolean retryable = status == 429 || status >= 500;
            throw new PublishException(uri + " refused " + what + " with " + status + ": " + response.body().strip(), retryable, null);
        }
    }
}
