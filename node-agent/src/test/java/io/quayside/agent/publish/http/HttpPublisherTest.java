package io.quayside.agent.publish.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.quayside.agent.publish.PublishException;
import io.quayside.model.ContainerEvent;
import io.quayside.model.Labels;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the publisher puts on the wire, as an HTTP server receives it. */
class HttpPublisherTest {
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> headers = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private HttpServer server;
    private volatile int status = 200;

    private HttpPublisher publisher() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            bodies.put(path, exchange.getRequestBody().readAllBytes());
            headers.put(path + " auth", exchange.getRequestHeaders().getFirst("Authorization"));
            headers.put(path + " type", exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] answer = "refused: because".getBytes();
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new HttpPublisher(endpoint, Optional.of("tok"), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void batchGoesAsBinaryAndEventAsJsonWithTheToken() throws Exception {
        HttpPublisher publisher = publisher();
        SampleBatch batch = new SampleBatch("b1", "local", "n", "1", 5, List.of(),
                List.of(new Sample(Labels.of("__name__", "m", "id", "a"), 1.25, 5)));
        ContainerEvent event = new ContainerEvent("local", "n", "a", "web", "img", Map.of(), "runc",
                ContainerEvent.Kind.STARTED, Instant.parse("2026-11-21T10:00:00Z"));

        publisher.publish(batch);
        publisher.publish(event);

        assertThat(new SampleBatchCodec().decode(bodies.get("/v1/ingest"))).isEqualTo(batch);
        assertThat(headers.get("/v1/ingest type")).isEqualTo(SampleBatchCodec.MEDIA_TYPE);
        assertThat(headers.get("/v1/ingest auth")).isEqualTo("Bearer tok");
        assertThat(json.readValue(bodies.get("/v1/events"), ContainerEvent.class)).isEqualTo(event);
        assertThat(new String(bodies.get("/v1/events"))).contains("\"kind\":\"started\"", "\"time\":\"2026-11-21T10:00:00Z\"");
    }

    @Test
    void refusalsSayWhetherARetryCanHelp() throws Exception {
        HttpPublisher publisher = publisher();
        SampleBatch batch = new SampleBatch("b1", "local", "n", "1", 5, List.of(), List.of());
        status = 400;
        assertThatThrownBy(() -> publisher.publish(batch)).isInstanceOfSatisfying(PublishException.class,
                e -> assertThat(e.retryable()).isFalse()).hasMessageContaining("400").hasMessageContaining("refused: because");
        status = 503;
        assertThatThrownBy(() -> publisher.publish(batch)).isInstanceOfSatisfying(PublishException.class,
                e -> assertThat(e.retryable()).isTrue());
        server.stop(0);
        assertThatThrownBy(() -> publisher.publish(batch)).isInstanceOfSatisfying(PublishException.class,
                e -> assertThat(e.retryable()).isTrue());
    }
}
