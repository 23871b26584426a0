package io.quayside.functions.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.functions.evaluate.TenantAlerts;
import io.quayside.model.Alert;
import io.quayside.model.Labels;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Evaluation's alerts sent to an alerts queue of ElasticMQ, in the test's JVM, and read back as forward's event source would. */
class AlertsQueueTest {
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final SQSRestServer server = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
    private final SqsClient sqs = SqsClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort()))
            .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private final URI queue = URI.create(sqs.createQueue(r -> r.queueName("quayside-alerts")).queueUrl());

    @AfterEach
    void stop() {
        sqs.close();
        server.stopAndWait();
    }

    private List<Message> receive() {
        return sqs.receiveMessage(r -> r.queueUrl(queue.toString()).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageAttributeNames("All")).messages();
    }

    @Test
    void eachTenantsAlertsGoAsOneMessageOfTenantAlertsJsonNamingTenantAndContentType() throws Exception {
        Instant startsAt = Instant.parse("2026-11-21T09:00:00Z");
        List<Alert> shop = List.of(
                new Alert(Labels.of("alertname", "ServiceBusy", "service", "shop"), Map.of("summary", "shop serves 42 requests/s"),
                        startsAt, startsAt.plusSeconds(240), "http://quayside/graph"),
                new Alert(Labels.of("alertname", "ContainerMemoryHigh", "container", "db"), Map.of(), startsAt, startsAt, null));
        List<Alert> worker = List.of(new Alert(Labels.of("alertname", "ContainerRestarting"), Map.of(), startsAt, null, null));
        AlertsQueue alerts = new AlertsQueue(sqs, queue, json);

        alerts.send("local", shop);
        alerts.send("acme", worker);

        List<Message> messages = receive();
        assertThat(messages).hasSize(2);
        assertThat(messages).extracting(message -> json.readValue(message.body(), TenantAlerts.class))
                .containsExactlyInAnyOrder(new TenantAlerts("local", shop), new TenantAlerts("acme", worker));
        assertThat(messages).allSatisfy(message -> {
            TenantAlerts body = json.readValue(message.body(), TenantAlerts.class);
            assertThat(message.messageAttributes().get("tenant").stringValue()).isEqualTo(body.tenant());
            assertThat(message.messageAttributes().get("tenant").dataType()).isEqualTo("String");
            assertThat(message.messageAttributes().get("content-type").stringValue()).isEqualTo("application/json");
        });
    }

    @Test
    void aQueueThatCannotBeReachedLosesTheRoundsAlertsOfThatTenantOnlyAndThrowsNothing() {
        AlertsQueue alerts = new AlertsQueue(sqs, queue.resolve("/000000000000/missing"), json);
        List<Alert> one = List.of(new Alert(Labels.of("alertname", "X"), Map.of(), null, null, null));

        assertThatCode(() -> alerts.send("local", one)).doesNotThrowAnyException();
        new AlertsQueue(sqs, queue, json).send("acme", one);

        assertThat(receive()).singleElement().satisfies(message ->
                assertThat(message.messageAttributes().get("tenant").stringValue()).isEqualTo("acme"));
    }
}
