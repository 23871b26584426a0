package io.quayside.functions.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quayside.functions.gateway.FunctionRouteGuard;
import io.quayside.functions.gateway.GatewayException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who called the running function. Over HTTP (Funqy's HTTP binding) it is the tenant whose token
 * the route guard accepted, and that tenant alone is granted. Anything else is not a request from
 * outside: a Lambda invocation (IAM decides who may invoke), or the in-process alerts channel.
 */
@ApplicationScoped
public class FunctionCaller {
    private final CurrentVertxRequest request;
    private final MeterRegistry meters;

    public FunctionCaller(CurrentVertxRequest request, MeterRegistry meters) {
        this.request = request;
        this.meters = meters;
    }

    /** Whether the caller may act for the tenant. */
    public boolean grants(String tenant) {
        if (!Arc.container().requestContext().isActive()) {
            return true;
        }
        RoutingContext http = request.getCurrent();
        return http == null || FunctionRouteGuard.callerOf(http).filter(tenant::equals).isPresent();
    }

    /**
     * Refuses the whole call (403 over HTTP, counted as a rejected {@code input}) unless the caller
     * may act for the tenant.
     */
    public void requireGranted(String tenant, String input) {
        if (!grants(tenant)) {
            meters.counter("quayside_rejected_total", "input", input, "reason", "forbidden").increment();
            throw new GatewayException(403, "this token does not grant access to tenant '" + tenant + "'");
        }
    }
}
