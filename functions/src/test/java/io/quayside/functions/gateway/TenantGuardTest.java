package io.quayside.functions.gateway;

import io.quayside.functions.tenancy.TenantTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantGuardTest {
    /** Two tenants, as a multi-tenant deployment has them. */
    private final Map<String, String> tenantByToken = Map.of("token-a", "a", "token-b", "b");
    private final TenantGuard guard = new TenantGuard(new TenantTokens() {
        @Override
        public Optional<String> tenantOf(String token) {
            return Optional.ofNullable(tenantByToken.get(token));
        }

        @Override
        public boolean exists(String tenant) {
            return tenantByToken.containsValue(tenant);
        }
    });

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (GatewayException refusal) {
            return refusal.status();
        }
    }

    @Test
    void statusForEachKindOfCaller() {
        assertThat(status(() -> guard.authorize("Bearer token-a", "a"))).isEqualTo(200);
        assertThat(status(() -> guard.authorize("bearer token-a", "a"))).isEqualTo(200);
        assertThat(status(() -> guard.authorize(null, "a"))).isEqualTo(401);
        assertThat(status(() -> guard.authorize("Bearer nope", "a"))).isEqualTo(401);
        assertThat(status(() -> guard.authorize("Bearer token-b", "a"))).isEqualTo(403);
        assertThat(status(() -> guard.authorize("Bearer token-a", "c"))).isEqualTo(404);
    }

    @Test
    void refusalSaysWhy() {
        assertThatThrownBy(() -> guard.authorize("Bearer token-b", "a")).hasMessageContaining("tenant 'a'");
        assertThatThrownBy(() -> guard.authenticate("Token x")).hasMessageContaining("Authorization: Bearer");
    }
}
