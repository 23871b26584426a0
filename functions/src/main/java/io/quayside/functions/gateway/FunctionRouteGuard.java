package io.quayside.functions.gateway;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * Funqy serves each function at {@code /<name>}; those routes get the same bearer-token check as
 * the gateway's, ahead of Funqy's own handler. The token's tenant stays with the request, so that
 * a function takes in nothing of another tenant ({@link #callerOf}); a function that refuses the
 * call with a {@link GatewayException} answers with its status and message, not Funqy's 500.
 */
public class FunctionRouteGuard {
    private static final String FUNCTION_PATHS = "/(ingest|discover|evaluate|forward)/?";
    private static final String CALLER = "quayside.caller-tenant";

    void guard(@Observes Router router, TenantGuard guard) {
        Route functions = router.routeWithRegex(FUNCTION_PATHS).order(-100);
        functions.handler(context -> {
            try {
                context.put(CALLER, guard.authenticate(context.request().getHeader("Authorization")));
                context.next();
            } catch (GatewayException refusal) {
                refuse(context, refusal);
            }
        });
        functions.failureHandler(context -> refusalIn(context.failure())
                .ifPresentOrElse(refusal -> refuse(context, refusal), context::next));
    }

    /** The tenant whose token this request carries; empty unless the guard accepted one. */
    public static Optional<String> callerOf(RoutingContext request) {
        return Optional.ofNullable(request.get(CALLER));
    }

    /** Funqy wraps what a function throws. */
    private static Optional<GatewayException> refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof GatewayException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    private static void refuse(RoutingContext context, GatewayException refusal) {
        context.response().setStatusCode(refusal.status()).putHeader("Content-Type", "text/plain").end(refusal.getMessage() + "\n");
    }
}
