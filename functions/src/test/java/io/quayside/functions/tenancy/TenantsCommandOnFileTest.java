package io.quayside.functions.tenancy;

import io.quayside.functions.FunctionsMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenants command on {@code tenants.json} in the state directory, the embedded runtime's store. */
class TenantsCommandOnFileTest extends TenantsCommandContract {
    @TempDir
    Path state;

    @Override
    protected TenantAdministration store() {
        return TenantRegistry.open(state, clock);
    }

    @Test
    void stateDirectoryFromTheEnvironmentLikeTheRuntime() {
        assertThat(TenantsCommand.stateDir(Map.of("QUAYSIDE_STATE_DIR", "/srv/quayside"))).isEqualTo(Path.of("/srv/quayside"));
        assertThat(TenantsCommand.stateDir(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".quayside"));
    }

    @Test
    void theStateDirectoryUnlessQuaysideStoreSaysOtherwise() {
        for (String store : List.of("", " Embedded ")) {
            Map<String, String> environment = Map.of("QUAYSIDE_STORE", store, "QUAYSIDE_STATE_DIR", state.toString());
            assertThat(run(() -> FunctionsMain.tenantStore(environment, clock), "create", "acme")).isZero();
            assertThat(store().tenantOf(out().strip())).as("QUAYSIDE_STORE='%s'", store).contains("acme");
        }

        assertThat(run(() -> FunctionsMain.tenantStore(Map.of("QUAYSIDE_STORE", "dynamo"), clock), "list")).isEqualTo(1);
        assertThat(err()).contains("QUAYSIDE_STORE must be 'embedded' or 'dynamodb', not 'dynamo'");
    }
}
