package io.quayside.functions.tenancy;

import io.quayside.functions.FunctionsMain;
import io.quayside.functions.store.dynamodb.DynamoDbLocal;
import io.quayside.functions.store.dynamodb.DynamoDbTables;
import io.quayside.functions.store.dynamodb.DynamoDbTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenants command on the tenants table of DynamoDB Local, as with {@code QUAYSIDE_STORE=dynamodb}. */
class TenantsCommandOnDynamoDbTest extends TenantsCommandContract {
    private final DynamoDbClient client = DynamoDbLocal.client();
    private final DynamoDbTables tables = DynamoDbLocal.createTables(client);

    @Override
    protected TenantAdministration store() {
        return new DynamoDbTenants(client, tables.tenants(), clock);
    }

    @BeforeEach
    void credentialsForTheSdksDefaultChain() {
        // The command's client finds credentials as on AWS; DynamoDB Local accepts any.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }

    @AfterEach
    void noCredentialsLeftBehind() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private Map<String, String> environment(String... more) {
        Map<String, String> environment = new HashMap<>(Map.of("QUAYSIDE_STORE", "dynamodb",
                "QUAYSIDE_DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString(), "QUAYSIDE_DYNAMODB_REGION", "us-east-1",
                "QUAYSIDE_STATE_DIR", "/nonexistent/state"));
        for (int i = 0; i < more.length; i += 2) {
            environment.put(more[i], more[i + 1]);
        }
        return environment;
    }

    @Test
    void theEnvironmentNamesTheTableAsItDoesToTheRuntime() {
        String prefix = tables.tenants().substring(0, tables.tenants().length() - "-tenants".length());
        Map<String, String> byName = environment("QUAYSIDE_TABLE_TENANTS", tables.tenants(), "QUAYSIDE_DYNAMODB_TABLE_PREFIX", "elsewhere");
        Map<String, String> byPrefix = environment("QUAYSIDE_DYNAMODB_TABLE_PREFIX", prefix, "QUAYSIDE_TABLE_TENANTS", " ");
        for (Map<String, String> environment : List.of(byName, byPrefix)) {
            assertThat(run(() -> FunctionsMain.tenantStore(environment, clock), "create", "acme")).isZero();
            assertThat(store().tenantOf(out().strip())).as("%s", environment).contains("acme");
        }
    }

    @Test
    void aMissingTableIsRefusedWithTheStoresReason() {
        assertThat(run(() -> FunctionsMain.tenantStore(environment("QUAYSIDE_TABLE_TENANTS", "no-such-table"), clock), "list"))
                .isEqualTo(1);
        assertThat(err()).startsWith("tenants: ").contains("ResourceNotFoundException");
    }
}
