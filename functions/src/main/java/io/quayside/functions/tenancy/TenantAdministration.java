package io.quayside.functions.tenancy;

import java.util.List;
import java.util.Optional;

/**
 * What the {@code tenants} command changes, in whichever store the runtime reads tenants from: the
 * state directory's {@code tenants.json} or the DynamoDB tenants table.
 */
public interface TenantAdministration extends TenantTokens, TenantRateLimits {
    /** A new random token for {@code tenant}, which is created if it does not exist; only its hash is kept. */
    IssuedToken issue(String tenant, Optional<RateLimit> limit, Optional<String> description);

    /** Every tenant by name, with its limit and its tokens' ids, times and descriptions (hashes, never tokens). */
    List<Tenant> tenants();

    /** The token with id {@code tokenId} of {@code tenant} stops working; an unknown tenant or id is refused. */
    void revoke(String tenant, String tokenId);

    /** Requests a second and burst size for an existing tenant. */
    void limit(String tenant, RateLimit limit);

    /** A token just issued: shown to the user once, never stored. */
    record IssuedToken(String id, String token) {
    }
}
