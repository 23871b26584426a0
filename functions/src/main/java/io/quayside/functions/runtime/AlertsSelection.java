package io.quayside.functions.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.functions.evaluate.AlertSink;
import io.quayside.functions.forward.AlertsChannel;
import io.quayside.functions.forward.AlertsQueue;
import io.quayside.functions.forward.QueuedAlerts;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where evaluation's alerts go: the alerts queue when {@code quayside.alerts.queue-url} is set (on AWS,
 * where another Lambda forwards them), else the in-memory {@code alerts} channel of this process.
 */
@ApplicationScoped
public class AlertsSelection {
    @ConfigProperty(name = "quayside.alerts.queue-url")
    Optional<URI> alertsQueue;

    private SqsClient sqs;

    @Produces
    @Singleton
    @Named("evaluate")
    synchronized AlertSink evaluationSink(Instance<AlertsChannel> channel, SqsClients clients, ObjectMapper json) {
        if (alertsQueue.isEmpty()) {
            return channel.get();
        }
        sqs = clients.client(alertsQueue.get(), Duration.ofSeconds(10));
        return new AlertsQueue(sqs, alertsQueue.get(), json);
    }

    @Produces
    @Singleton
    QueuedAlerts queuedAlerts(@Named("forward") AlertSink sink, ObjectMapper json) {
        return new QueuedAlerts(sink, json);
    }

    @PreDestroy
    synchronized void close() {
        if (sqs != null) {
            sqs.close();
        }
    }
}
