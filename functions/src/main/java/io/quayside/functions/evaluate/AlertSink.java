package io.quayside.functions.evaluate;

import io.quayside.model.Alert;

import java.util.List;

/** Where alerts go once they are due for sending (Alertmanager, a webhook, a log). */
public interface AlertSink {
    void send(String tenant, List<Alert> alerts);
}
