package io.quayside.functions.gateway;

import io.quayside.functions.tenancy.TenantTokens;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the plain-Java guard injectable. */
public class GatewayBeans {
    @Produces
    @Singleton
    TenantGuard guard(TenantTokens tokens) {
        return new TenantGuard(tokens);
    }
}
