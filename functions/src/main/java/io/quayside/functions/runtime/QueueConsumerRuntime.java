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
import software.amazon.awssdk.services.sqs.SqsClient;

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

    void start(@Observes StartupEvent started, CountedIntake intake, SqsClients clients, MeterRegistry meters) {
        if (samplesQueue.isEmpty()) {
            return;
        }
        // The socket waits out the long poll.
        sqs = clients.client(samplesQueue.get(), waitTime.plusSeconds(20));
        ConsumerSettings settings = new ConsumerSettings(samplesQueue.get(), sqs.serviceClientConfiguration().region().id(),
                maxMessages, waitTime, receiveBackoff, receiveBackoffMax);
        consumer = new SqsQueueConsumer(sqs, settings, intake::apply, meters);
        consumer.start();
    }

    /** Before the store closes: what was received is taken in and deleted, or left on the queue. */
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        if (consumer != null) {
            consumer.close();
            sqs.close();
        }
    }
}
