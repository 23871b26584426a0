package io.quayside.functions.forward;

import io.quayside.functions.evaluate.AlertSink;
import io.quayside.functions.evaluate.TenantAlerts;
import io.quayside.model.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.List;

/** Evaluation's sink in embedded mode: alerts go on the {@code alerts} channel, which the forward function consumes. */
@ApplicationScoped
public class AlertsChannel implements AlertSink {
    private final Emitter<TenantAlerts> alerts;

    public AlertsChannel(@Channel("alerts") Emitter<TenantAlerts> alerts) {
        this.alerts = alerts;
    }

    @Override
    public void send(String tenant, List<Alert> batch) {
        alerts.send(new TenantAlerts(tenant, batch));
    }
}
