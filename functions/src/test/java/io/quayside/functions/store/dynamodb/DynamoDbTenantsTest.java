package io.quayside.functions.store.dynamodb;

import io.quayside.functions.TestClock;
import io.quayside.functions.tenancy.RateLimit;
import io.quayside.functions.tenancy.TenantToken;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenants and tokens in the tenants table of DynamoDB Local, hashed as {@code TenantRegistry} hashes them. */
class DynamoDbTenantsTest {
    private final DynamoDbClient client = DynamoDbLocal.client();
    private final DynamoDbTables tables = DynamoDbLocal.createTables(client);
    private final DynamoDbTenants tenants = new DynamoDbTenants(client, tables.tenants(), new TestClock());

    @Test
    void aRegisteredTokenNamesItsTenantAndOnlyItsHashIsStored() {
        tenants.register("shop", "qs_secret", Optional.of("agent"));
        tenants.register("shop", "qs_other", Optional.empty());

        assertThat(tenants.tenantOf("qs_secret")).contains("shop");
        assertThat(tenants.tenantOf("qs_other")).contains("shop");
        assertThat(tenants.tenantOf("qs_guess")).isEmpty();
        assertThat(tenants.exists("shop")).isTrue();
        assertThat(tenants.exists("bank")).isFalse();
        assertThat(client.scan(scan -> scan.tableName(tables.tenants())).items())
                .as("the token never, its SHA-256 under the tenant and under the owner partition")
                .noneMatch(item -> item.toString().contains("qs_secret"))
                .anyMatch(item -> item.get("token_hash").s().equals(TenantToken.sha256("qs_secret")) && item.get("tenant").s().equals("shop"))
                .anyMatch(item -> item.get("token_hash").s().equals(TenantToken.sha256("qs_secret"))
                        && item.get("tenant").s().equals(DynamoDbTenants.TOKENS));
    }

    @Test
    void aTokenBelongsToOneTenantAndRegisteringAgainChangesNothing() {
        tenants.register("shop", "qs_secret", Optional.empty());
        tenants.register("shop", "qs_secret", Optional.empty());
        assertThatThrownBy(() -> tenants.register("bank", "qs_secret", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already belongs to tenant 'shop'");
        assertThat(tenants.tenantOf("qs_secret")).contains("shop");
        assertThatThrownBy(() -> tenants.register("Not A Tenant", "qs_x", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid tenant name");
    }

    @Test
    void rateLimitsAreTheDefaultUntilSet() {
        tenants.register("shop", "qs_secret", Optional.empty());
        assertThat(tenants.rateLimit("shop")).isEqualTo(RateLimit.DEFAULT);
        tenants.limit("shop", new RateLimit(2.5, 7));
        assertThat(tenants.rateLimit("shop")).isEqualTo(new RateLimit(2.5, 7));
        assertThat(tenants.tenantOf("qs_secret")).as("a limit keeps the tenant's tokens").contains("shop");
        assertThat(tenants.rateLimit("bank")).isEqualTo(RateLimit.DEFAULT);
        assertThatThrownBy(() -> tenants.limit("bank", new RateLimit(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no tenant 'bank'");
    }
}
