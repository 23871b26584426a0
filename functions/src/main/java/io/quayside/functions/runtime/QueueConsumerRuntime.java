package io.quayside.functions.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quayside.functions.ingest.sqs.ConsumerSettings;
import io.quayside.functions.ingest.sqs.CountedIntake;
import io.quayside.functions.ingest.sqs.SqsQueueConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the agents' batches from the samples queue, for runtimes that are not Lambda (where the event
 * source mapping does it); off unless {@code quayside.sqs.samples-queue-url} is set.
 */
@ApplicationScoped
public class QueueConsumerRuntime {
    @ConfigProperty(name = "quayside.sqs.samples-queue-url")
    Optional<URI> samplesQueue;

    /** ElasticMQ, LocalStack or a VPC endpoint; the region's own when unset. */
    @ConfigProperty(name = "quayside.sqs.endpoint")
    Optional<URI> endpoint;

    /** The SDK's default chain ({@code AWS_REGION}, profile, instance metadata) when unset. */
    @ConfigProperty(name = "quayside.sqs.region")
    Optional<String> region;

    @ConfigProperty(name = "quayside.sqs.max-messages", defaultValue = "10")
    int maxMessages;

    @ConfigProperty(name = "quayside.sqs.wait-time", defaultValue = "10s")
    Duration waitTime;

    @ConfigProperty(name = "quayside.sqs.receive-backoff", defaultValue = "1s")
    Duration receiveBackoff;

    @ConfigProperty(name = "quayside.sqs.receive-backoff-max", defaultValue = "30s")
    Duration receiveBackoffMax;

    private SqsClient sqs;
    private SqsQueueConsumer consumer;

    void start(@Observes StartupEvent started, CountedIntake intake, MeterRegistry meters) {
        if (samplesQueue.isEmpty()) {
            return;
        }
        sqs = client();
        ConsumerSettings settings = new ConsumerSettings(samplesQueue.get(), sqs.serviceClientConfiguration().region().id(),
                maxMessages, waitTime, receiveBackoff, receiveBackoffMax);
        consumer = new SqsQueueConsumer(sqs, settings, intake::apply, meters);
        consumer.start();
    }

    private SqsClient client() {
        SqsClientBuilder builder = SqsClient.builder()
                // Named explicitly: the SDK would otherwise look for an HTTP client on the class path at run time.
                // The socket waits out the long poll.
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(waitTime.plusSeconds(20)));
        region.map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new IllegalStateException("cannot build the SQS client for " + samplesQueue.get()
                    + " (set quayside.sqs.region if the SDK found no region): " + e.getMessage(), e);
        }
    }

    /** Before the store closes: what was received is taken in and deleted, or left on the queue. */
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        if (consumer != null) {
            consumer.close();
            sqs.close();
        }
    }
}
