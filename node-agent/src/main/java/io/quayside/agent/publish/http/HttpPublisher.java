package io.quayside.agent.publish.http;

import io.quayside.agent.hook.EventJson;
import io.quayside.agent.publish.PublishException;
import io.quayside.agent.publish.Publisher;
import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts batches to {@code /v1/ingest} and events to {@code /v1/events} of the functions runtime.
 * Through {@link HttpURLConnection} rather than the JDK's HttpClient, which builds a TLS context
 * (the CA certificates parsed) even for plain HTTP and runs a selector thread: about 400 classes
 * and ~0.1 s that a hook and a small agent do not need. The timeout bounds the connect and each read.
 */
public final class HttpPublisher implements Publisher {
    private final URI ingest;
    private final URI events;
    private final Optional<String> token;
    private final int timeoutMs;
    private final SampleBatchCodec codec = new SampleBatchCodec();

    public HttpPublisher(URI endpoint, Optional<String> token, Duration timeout) {
        this.ingest = endpoint.resolve("/v1/ingest");
        this.events = endpoint.resolve("/v1/events");
        this.token = token;
        this.timeoutMs = Math.toIntExact(timeout.toMillis());
    }

    @Override
    public int publish(SampleBatch batch) throws PublishException {
        byte[] body = codec.encode(batch);
        send(ingest, SampleBatchCodec.MEDIA_TYPE, body, "batch " + batch.batchId());
        return body.length;
    }

    @Override
    public void publish(ContainerEvent event) throws PublishException {
        send(events, "application/json", EventJson.write(event), event.kind() + " event of " + event.containerId());
    }

    private void send(URI uri, String contentType, byte[] body, String what) throws PublishException {
        int status;
        String answer;
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(timeoutMs);
            connection.setReadTimeout(timeoutMs);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", contentType);
            token.ifPresent(t -> connection.setRequestProperty("Authorization", "Bearer " + t));
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            status = connection.getResponseCode();
            // read to the end either way, so that the connection goes back to the JDK's keep-alive cache
            try (InputStream in = status / 100 == 2 ? connection.getInputStream() : connection.getErrorStream()) {
                answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new PublishException("cannot send " + what + " to " + uri + ": " + e, true, e);
        }
        if (status / 100 != 2) {
            // 4xx: the content or the token is wrong, and stays wrong; 429 and 5xx may pass later.
            boolean retryable = status == 429 || status >= 500;
            throw new PublishException(uri + " refused " + what + " with " + status + ": " + answer.strip(), retryable, null);
        }
    }
}
