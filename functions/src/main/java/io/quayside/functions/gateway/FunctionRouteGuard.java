package io.quayside.functions.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/**
 * Funqy serves each function at {@code /<name>}; those routes get the same bearer-token check as
 * the gateway's, ahead of Funqy's own handler.
 */
public class FunctionRouteGuard {
    private static final String FUNCTION_PATHS = "/(ingest|discover)/?";

    void guard(@Observes Router router, TenantGuard guard) {
        router.routeWithRegex(FUNCTION_PATHS).order(-100).handler(context -> {
            try {
                guard.authenticate(context.request().getHeader("Authorization"));
                context.next();
            } catch (GatewayException refusal) {
                context.response().setStatusCode(refusal.status()).putHeader("Content-Type", "text/plain")
                        .end(refusal.getMessage() + "\n");
            }
        });
    }
}
