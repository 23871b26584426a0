package io.quayside.functions.forward;

import io.quarkus.funqy.Funq;
import io.quayside.functions.evaluate.AlertSink;
import io.quayside.functions.evaluate.TenantAlerts;
import jakarta.inject.Named;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The {@code forward} function: a tenant's alerts in, handed to the configured sink (Alertmanager,
 * or the log). Embedded mode feeds it from the {@code alerts} channel; on AWS a queue would.
 */
public class ForwardFunction {
    private final AlertSink sink;

    public ForwardFunction(@Named("forward") AlertSink sink) {
        this.sink = sink;
    }

    /** Blocking: a sink posts over HTTP, which must not run on the event loop that carries the channel. */
    @Funq
    @Incoming("alerts")
    @Blocking
    public void forward(TenantAlerts alerts) {
        sink.send(alerts.tenant(), alerts.alerts());
    }
}
