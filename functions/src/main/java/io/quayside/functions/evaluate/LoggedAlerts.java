package io.quayside.functions.evaluate;

import io.quayside.model.Alert;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/** The sink when no Alertmanager is configured: every alert sent is logged, so it is never silently dropped. */
public final class LoggedAlerts implements AlertSink {
    private static final Logger LOG = Logger.getLogger(LoggedAlerts.class.getName());

    @Override
    public void send(String tenant, List<Alert> alerts) {
        for (Alert alert : alerts) {
            LOG.info("alert of tenant " + tenant + ": " + alert.labels() + " " + alert.status(Instant.now())
                    + " since " + alert.startsAt());
        }
    }
}
