package io.quayside.functions.tenancy;

import java.util.Optional;

/** Which tenant a bearer token belongs to, and which tenants exist. */
public interface TenantTokens {
    Optional<String> tenantOf(String token);

    boolean exists(String tenant);
}
