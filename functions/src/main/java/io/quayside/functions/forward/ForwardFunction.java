package io.quayside.functions.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.funqy.Funq;
import io.quarkus.logging.Log;
import io.quayside.functions.discover.QueuedEvents;
import io.quayside.functions.evaluate.AlertSink;
import io.quayside.functions.evaluate.TenantAlerts;
import io.quayside.functions.gateway.GatewayException;
import io.quayside.functions.ingest.sqs.SqsBatchResponse;
import io.quayside.functions.runtime.FunctionCaller;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.inject.Named;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * The {@code forward} function: a tenant's alerts in, handed to the configured sink (Alertmanager,
 * or the log). Embedded mode feeds it from the {@code alerts} channel; on AWS the alerts queue's
 * event source mapping hands it SQS events of them, and the messages it could not send go again.
 */
public class ForwardFunction {
    private final AlertSink sink;
    private final QueuedAlerts queued;
    private final FunctionCaller caller;
    private final MeterRegistry meters;

    public ForwardFunction(@Named("forward") AlertSink sink, QueuedAlerts queued, FunctionCaller caller, MeterRegistry meters) {
        this.sink = sink;
        this.queued = queued;
        this.caller = caller;
        this.meters = meters;
    }

    /**
     * TenantAlerts (over HTTP, only of the token's tenant; a failed send answers 502), or an SQS event
     * of them, answered with the messages to deliver again (over HTTP, those of other tenants too).
     */
    @Funq
    public SqsBatchResponse forward(JsonNode payload) {
        if (QueuedEvents.isSqsEvent(payload)) {
            return queued.forward(payload, caller::grants, this::refused);
        }
        TenantAlerts alerts;
        try {
            alerts = queued.read(payload);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            meters.counter("quayside_rejected_total", "input", "alerts", "reason", "malformed").increment();
            throw new GatewayException(400, "the payload is not TenantAlerts JSON: " + e.getMessage());
        }
        caller.requireGranted(alerts.tenant(), "alerts");
        try {
            sink.send(alerts.tenant(), alerts.alerts());
        } catch (RuntimeException e) {
            throw new GatewayException(502, "alerts of tenant '" + alerts.tenant() + "' not sent: " + e.getMessage());
        }
        return new SqsBatchResponse(List.of());
    }

    /**
     * Evaluation's alerts, of every tenant, whatever request started it. Blocking: a sink posts over
     * HTTP, which must not run on the event loop that carries the channel. A failed send is logged,
     * not thrown (that would end the channel's stream); firing alerts go again at their next resend.
     */
    @Incoming("alerts")
    @Blocking
    public void send(TenantAlerts alerts) {
        try {
            sink.send(alerts.tenant(), alerts.alerts());
        } catch (RuntimeException e) {
            Log.warnf("forward: %d alerts of tenant %s wait for their resend: %s", alerts.alerts().size(), alerts.tenant(), e.getMessage());
        }
    }

    private void refused(String messageId, String reason, String message) {
        meters.counter("quayside_rejected_total", "input", "alerts", "reason", reason).increment();
        Log.warnf("forward: message %s not sent (%s): %s", messageId, reason, message);
    }
}
