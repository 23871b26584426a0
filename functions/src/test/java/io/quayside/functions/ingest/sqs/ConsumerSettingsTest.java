package io.quayside.functions.ingest.sqs;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumerSettingsTest {
    private static final URI QUEUE = URI.create("https://sqs.eu-west-1.amazonaws.com/123456789012/quayside-samples");

    @Test
    void theBackoffDoublesWithEachFailureInARowUpToItsCeiling() {
        ConsumerSettings settings = settings(10, Duration.ofSeconds(10));

        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoffAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(settings.backoffAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoffAfter(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theArnAndNameComeFromTheQueueUrl() {
        assertThat(QueueArn.of(QUEUE, "eu-west-1")).isEqualTo("arn:aws:sqs:eu-west-1:123456789012:quayside-samples");
        assertThat(settings(10, Duration.ofSeconds(10)).queueName()).isEqualTo("quayside-samples");
    }

    @Test
    void settingsSQSWouldRefuseAreRefusedAtStartNamingTheSetting() {
        assertThatThrownBy(() -> settings(11, Duration.ofSeconds(10))).hasMessage("maxMessages must be 1 to 10, not 11");
        assertThatThrownBy(() -> settings(10, Duration.ofSeconds(21))).hasMessage("waitTime must be 1 to 20 s, not PT21S");
        assertThatThrownBy(() -> QueueArn.of(URI.create("http://127.0.0.1:9324/quayside-samples"), "us-east-1"))
                .hasMessage("not an SQS queue URL (<endpoint>/<account>/<name>): http://127.0.0.1:9324/quayside-samples");
    }

    private static ConsumerSettings settings(int maxMessages, Duration waitTime) {
        return new ConsumerSettings(QUEUE, "eu-west-1", maxMessages, waitTime, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
}
