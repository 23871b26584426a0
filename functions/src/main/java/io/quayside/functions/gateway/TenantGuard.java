package io.quayside.functions.gateway;

import io.quayside.functions.tenancy.TenantTokens;

import java.util.Optional;

/** Bearer-token checks: 401 without a valid token, 404 for an unknown tenant, 403 for another tenant's token. */
public final class TenantGuard {
    private static final String BEARER = "Bearer ";

    private final TenantTokens tokens;

    public TenantGuard(TenantTokens tokens) {
        this.tokens = tokens;
    }

    /** The tenant that the request's token belongs to. */
    public String authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new GatewayException(401, "missing bearer token: send 'Authorization: Bearer <token>'");
        }
        Optional<String> tenant = tokens.tenantOf(authorization.substring(BEARER.length()).strip());
        return tenant.orElseThrow(() -> new GatewayException(401, "unknown or revoked token"));
    }

    /** Checks that the request may act for {@code tenant}. */
    public void authorize(String authorization, String tenant) {
        String caller = authenticate(authorization);
        if (!tokens.exists(tenant)) {
            throw new GatewayException(404, "unknown tenant '" + tenant + "'");
        }
        if (!caller.equals(tenant)) {
            throw new GatewayException(403, "this token does not grant access to tenant '" + tenant + "'");
        }
    }
}
