package io.quayside.functions.evaluate;

import io.quayside.model.Alert;

import java.util.List;

/** The message on the {@code alerts} channel: one tenant's alerts from one evaluation round. */
public record TenantAlerts(String tenant, List<Alert> alerts) {
    public TenantAlerts {
        alerts = List.copyOf(alerts);
    }
}
