package io.quayside.functions.tenancy;

import io.quayside.functions.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTenantTest {
    @TempDir
    Path state;
    private final TestClock clock = new TestClock();

    /** A runtime start: the registry opened, then the local tenant set up. */
    private TenantRegistry start(Optional<String> given) {
        TenantRegistry registry = TenantRegistry.open(state, clock);
        LocalTenant.register(registry, given, state);
        return registry;
    }

    @Test
    void firstStartGeneratesATokenForTheLocalAgentOnlyOnce() throws Exception {
        TenantRegistry registry = TenantRegistry.open(state, clock);
        String generated = LocalTenant.register(registry, Optional.empty(), state).orElseThrow();

        Path file = state.resolve(LocalTenant.TOKEN_FILE);
        assertThat(Files.readString(file).strip()).isEqualTo(generated);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(registry.tenantOf(generated)).contains(LocalTenant.TENANT);
        assertThat(LocalTenant.register(TenantRegistry.open(state, clock), Optional.empty(), state)).isEmpty();
    }

    @Test
    void aTokenFileFromBeforeTheRegistryKeepsWorking() throws Exception {
        Files.writeString(state.resolve(LocalTenant.TOKEN_FILE), "qs_legacy\n");
        TenantRegistry registry = start(Optional.empty());
        assertThat(registry.tenantOf("qs_legacy")).contains(LocalTenant.TENANT);
    }

    @Test
    void aGivenTokenIsRegisteredAlongsideEarlierOnes() {
        TenantRegistry first = TenantRegistry.open(state, clock);
        String generated = LocalTenant.register(first, Optional.empty(), state).orElseThrow();
        TenantRegistry registry = start(Optional.of(" s3cret\n"));

        assertThat(registry.tenantOf("s3cret")).contains(LocalTenant.TENANT);
        assertThat(registry.tenantOf(generated)).contains(LocalTenant.TENANT);
    }

    @Test
    void aRevokedTokenStaysRevokedAfterARestart() {
        TenantRegistry registry = TenantRegistry.open(state, clock);
        String generated = LocalTenant.register(registry, Optional.empty(), state).orElseThrow();
        registry.revoke(LocalTenant.TENANT, TenantToken.sha256(generated).substring(0, 8));

        assertThat(start(Optional.empty()).tenantOf(generated)).isEmpty();
    }
}
