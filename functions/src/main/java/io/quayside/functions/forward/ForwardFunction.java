package io.quayside.functions.forward;

import io.quarkus.funqy.Funq;
import io.quayside.functions.evaluate.AlertSink;
import io.quayside.functions.evaluate.TenantAlerts;
import io.quayside.functions.runtime.FunctionCaller;
import jakarta.inject.Named;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The {@code forward} function: a tenant's alerts in, handed to the configured sink (Alertmanager,
 * or the log). Embedded mode feeds it from the {@code alerts} channel; on AWS a queue would.
 */
public class ForwardFunction {
    private final AlertSink sink;
    private final FunctionCaller caller;

    public ForwardFunction(@Named("forward") AlertSink sink, FunctionCaller caller) {
        this.sink = sink;
        this.caller = caller;
    }

    /** Called from outside (HTTP, a Lambda event): over HTTP, only the token's tenant's alerts are taken. */
    @Funq
    public void forward(TenantAlerts alerts) {
        caller.requireGranted(alerts.tenant(), "alerts");
        send(alerts);
    }

    /**
     * Evaluation's alerts, of every tenant, whatever request started it. Blocking: a sink posts over
     * HTTP, which must not run on the event loop that carries the channel.
     */
    @Incoming("alerts")
    @Blocking
    public void send(TenantAlerts alerts) {
        sink.send(alerts.tenant(), alerts.alerts());
    }
}
