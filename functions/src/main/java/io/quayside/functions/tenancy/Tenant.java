package io.quayside.functions.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A tenant, its own rate limit if it has one, and its tokens (hashed). */
public record Tenant(String name, Optional<RateLimit> rateLimit, List<TenantToken> tokens) {
    public Tenant {
        tokens = List.copyOf(tokens);
    }

    public RateLimit effectiveRateLimit() {
        return rateLimit.orElse(RateLimit.DEFAULT);
    }

    Tenant withToken(TenantToken token) {
        List<TenantToken> more = new ArrayList<>(tokens);
        more.add(token);
        return new Tenant(name, rateLimit, more);
    }

    Tenant withoutToken(String id) {
        return new Tenant(name, rateLimit, tokens.stream().filter(token -> !token.id().equals(id)).toList());
    }

    Tenant withRateLimit(RateLimit limit) {
        return new Tenant(name, Optional.of(limit), tokens);
    }
}
