package io.quayside.functions.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quayside.functions.evaluate.TenantAlerts;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import jakarta.inject.Inject;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime with {@code quayside.alerts.queue-url} set, as Terraform sets it on the evaluate Lambda:
 * the alert that evaluation fires goes to the alerts queue (ElasticMQ, in the test's JVM), not the
 * in-memory channel.
 */
@QuarkusTest
@TestProfile(AlertsQueueRuntimeTest.WithAlertsQueue.class)
class AlertsQueueRuntimeTest {
    public static class WithAlertsQueue implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ElasticMqQueue.class));
        }
    }

    /** An alerts queue of ElasticMQ, named to the runtime as {@code QUAYSIDE_ALERTS_QUEUE_URL}. */
    public static class ElasticMqQueue implements QuarkusTestResourceLifecycleManager {
        private SQSRestServer server;
        private SqsClient sqs;
        private String queue;

        @Override
        public Map<String, String> start() {
            server = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
            URI endpoint = URI.create("http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort());
            sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
            queue = sqs.createQueue(r -> r.queueName("quayside-alerts")).queueUrl();
            // The SDK's default chain reads these; ElasticMQ accepts any.
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
            return Map.of("quayside.alerts.queue-url", queue, "quayside.sqs.endpoint", endpoint.toString(),
                    "quayside.sqs.region", "us-east-1");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(sqs, new TestInjector.MatchesType(SqsClient.class));
            injector.injectIntoFields(queue, new TestInjector.AnnotatedAndMatchesType(AlertsQueueUrl.class, String.class));
        }

        @Override
        public void stop() {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            sqs.close();
            server.stopAndWait();
        }
    }

    /** Marks the field the queue's URL goes to. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface AlertsQueueUrl {
    }

    SqsClient sqs;

    @AlertsQueueUrl
    String queue;

    @Inject
    SeriesWindows windows;

    @Inject
    ObjectMapper json;

    private void evaluateAt(long millis) {
        given().auth().oauth2("test-token").contentType("application/json")
                .body("{\"time\":\"" + Instant.ofEpochMilli(millis) + "\"}").post("/evaluate").then().statusCode(200);
    }

    @Test
    void anAlertThatFiresGoesToTheAlertsQueueAsItsTenantsMessage() throws Exception {
        long end = System.currentTimeMillis() / 10_000 * 10_000;
        List<Sample> requests = new ArrayList<>();
        for (long t = end - 120_000; t <= end; t += 10_000) {
            requests.add(new Sample(Labels.of("__name__", "requests_total", "id", "web-1", "service", "shop"), (t - end) / 1000.0 * 3 + 500, t));
        }
        windows.append("local", requests);

        evaluateAt(end - 30_000);   // ServiceBusy pending: nothing sent
        evaluateAt(end);            // firing for 30 s, past its 'for: 20s'

        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(2)
                .messageAttributeNames("All")).messages();
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.messageAttributes().get("tenant").stringValue()).isEqualTo("local");
            assertThat(message.messageAttributes().get("content-type").stringValue()).isEqualTo("application/json");
            TenantAlerts alerts = json.readValue(message.body(), TenantAlerts.class);
            assertThat(alerts.tenant()).isEqualTo("local");
            assertThat(alerts.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.labels().get("alertname")).isEqualTo("ServiceBusy");
                assertThat(alert.labels().get("service")).isEqualTo("shop");
                assertThat(alert.annotations().get("summary")).isEqualTo("shop serves 3 requests/s");
            });
        });
    }
}
