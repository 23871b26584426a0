package io.quayside.functions.tenancy;

import io.quayside.functions.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantRegistryTest {
    @TempDir
    Path state;
    private final TestClock clock = new TestClock();

    @Test
    void keepsOnlyHashesInAPrivateFile() throws Exception {
        TenantRegistry registry = TenantRegistry.open(state, clock);
        TenantRegistry.IssuedToken issued = registry.issue("acme", Optional.empty(), Optional.of("ci"));

        Path file = state.resolve(TenantRegistry.FILE);
        assertThat(Files.readString(file)).doesNotContain(issued.token()).contains(TenantToken.sha256(issued.token()), "ci");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(issued.id()).isEqualTo(TenantToken.sha256(issued.token()).substring(0, 8));
        assertThat(registry.tenantOf(issued.token())).contains("acme");
        assertThat(registry.tenantOf(issued.token() + "x")).isEmpty();
        assertThat(registry.exists("acme")).isTrue();
        assertThat(registry.exists("other")).isFalse();
    }

    @Test
    void revokedTokensStopWorkingAndTheTenantStays() {
        TenantRegistry registry = TenantRegistry.open(state, clock);
        TenantRegistry.IssuedToken first = registry.issue("acme", Optional.empty(), Optional.empty());
        TenantRegistry.IssuedToken second = registry.issue("acme", Optional.empty(), Optional.empty());

        registry.revoke("acme", first.id());
        assertThat(registry.tenantOf(first.token())).isEmpty();
        assertThat(registry.tenantOf(second.token())).contains("acme");
        assertThat(registry.exists("acme")).isTrue();
        assertThatThrownBy(() -> registry.revoke("acme", first.id())).hasMessageContaining("no token '" + first.id() + "'");
        assertThatThrownBy(() -> registry.revoke("nobody", first.id())).hasMessageContaining("no tenant 'nobody'");
    }

    @Test
    void limitsAreDefaultUntilSet() {
        TenantRegistry registry = TenantRegistry.open(state, clock);
        registry.issue("acme", Optional.of(new RateLimit(5, 10)), Optional.empty());
        registry.issue("other", Optional.empty(), Optional.empty());
        assertThat(registry.rateLimit("acme")).isEqualTo(new RateLimit(5, 10));
        assertThat(registry.rateLimit("other")).isEqualTo(RateLimit.DEFAULT);

        registry.limit("other", new RateLimit(0.5, 1));
        assertThat(TenantRegistry.open(state, clock).rateLimit("other")).isEqualTo(new RateLimit(0.5, 1));
        assertThatThrownBy(() -> registry.limit("nobody", RateLimit.DEFAULT)).hasMessageContaining("no tenant 'nobody'");
    }

    @Test
    void aRunningRegistrySeesAnotherProcessChangesAfterTheRecheckInterval() {
        TenantRegistry running = TenantRegistry.open(state, clock);
        TenantRegistry command = TenantRegistry.open(state, clock);
        TenantRegistry.IssuedToken issued = command.issue("acme", Optional.empty(), Optional.empty());

        assertThat(running.tenantOf(issued.token())).isEmpty();
        clock.advance(TenantRegistry.RECHECK);
        assertThat(running.tenantOf(issued.token())).contains("acme");

        command.revoke("acme", issued.id());
        clock.advance(TenantRegistry.RECHECK);
        assertThat(running.tenantOf(issued.token())).isEmpty();
    }

    @Test
    void aDamagedFileLeavesTheRunningRegistryAsItWas() throws Exception {
        TenantRegistry running = TenantRegistry.open(state, clock);
        TenantRegistry.IssuedToken issued = running.issue("acme", Optional.empty(), Optional.empty());
        Files.writeString(state.resolve(TenantRegistry.FILE), "{\"tenants\": ");
        clock.advance(TenantRegistry.RECHECK);

        assertThat(running.tenantOf(issued.token())).contains("acme");
        assertThatThrownBy(() -> TenantRegistry.open(state, clock)).hasMessageContaining(TenantRegistry.FILE);
    }

    @Test
    void aTokenBelongsToOneTenantAndRegisteringItAgainChangesNothing() {
        TenantRegistry registry = TenantRegistry.open(state, clock);
        registry.register("acme", "chosen-token", Optional.empty());
        registry.register("acme", "chosen-token", Optional.empty());

        assertThat(registry.tenants()).singleElement().satisfies(tenant -> assertThat(tenant.tokens()).hasSize(1));
        assertThatThrownBy(() -> registry.register("other", "chosen-token", Optional.empty())).hasMessageContaining("tenant 'acme'");
        assertThatThrownBy(() -> registry.issue("Not Valid", Optional.empty(), Optional.empty())).hasMessageContaining("invalid tenant name");
    }
}
