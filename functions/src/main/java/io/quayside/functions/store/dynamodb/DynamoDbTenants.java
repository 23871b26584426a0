package io.quayside.functions.store.dynamodb;

import io.quayside.functions.tenancy.RateLimit;
import io.quayside.functions.tenancy.TenantRateLimits;
import io.quayside.functions.tenancy.TenantToken;
import io.quayside.functions.tenancy.TenantTokens;
import io.quayside.model.TenantName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tenants and their hashed tokens in the tenants table. The gateway has only the token, and the
 * table's hash key is the tenant, so each token is kept twice: under its tenant (range key its
 * SHA-256, for listing) and under the partition {@value #TOKENS}, which no tenant can be named
 * (names hold no '#'), whose item names the owner: one GetItem answers a request. A tenant itself
 * is the item {@value #TENANT}, with its rate limit if it has one.
 */
public final class DynamoDbTenants implements TenantTokens, TenantRateLimits {
    static final String TOKENS = "#token";
    static final String TENANT = "#tenant";
    private static final String HASH = "tenant";
    private static final String RANGE = "token_hash";

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    public DynamoDbTenants(DynamoDbClient client, String table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
    }

    /** Eventually consistent: a new or revoked token takes effect within about a second. */
    @Override
    public Optional<String> tenantOf(String token) {
        return get(TOKENS, TenantToken.sha256(token)).map(item -> item.get("owner").s());
    }

    @Override
    public boolean exists(String tenant) {
        return get(tenant, TENANT).isPresent();
    }

    @Override
    public RateLimit rateLimit(String tenant) {
        return get(tenant, TENANT).filter(item -> item.containsKey("rate_per_second"))
                .map(item -> new RateLimit(Double.parseDouble(item.get("rate_per_second").n()), Integer.parseInt(item.get("burst").n())))
                .orElse(RateLimit.DEFAULT);
    }

    /**
     * Accepts a token chosen elsewhere for {@code tenant}, creating the tenant if new; again is a
     * no-op. The token's owner item goes first, on condition that no other tenant holds the token;
     * should the listing item then fail, registering again completes it.
     */
    public void register(String tenant, String token, Optional<String> description) {
        TenantName.check(tenant);
        TenantToken entry = TenantToken.of(token, clock.instant(), description);
        client.updateItem(request -> request.tableName(table).key(key(tenant, TENANT))
                .updateExpression("SET #name = :name").expressionAttributeNames(Map.of("#name", "name"))
                .expressionAttributeValues(Map.of(":name", AttributeValue.fromS(tenant))));
        Map<String, AttributeValue> held = key(tenant, entry.sha256());
        held.put("id", AttributeValue.fromS(entry.id()));
        held.put("created", EpochSeconds.exact(entry.created()));
        entry.description().ifPresent(text -> held.put("description", AttributeValue.fromS(text)));
        Map<String, AttributeValue> owner = key(TOKENS, entry.sha256());
        owner.put("owner", AttributeValue.fromS(tenant));
        try {
            client.putItem(request -> request.tableName(table).item(owner)
                    .conditionExpression("attribute_not_exists(#range) OR #owner = :owner")
                    .expressionAttributeNames(Map.of("#range", RANGE, "#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(tenant))));
        } catch (ConditionalCheckFailedException heldElsewhere) {
            throw new IllegalArgumentException("this token already belongs to tenant '" + tenantOf(token).orElse("?") + "'");
        }
        client.putItem(request -> request.tableName(table).item(held));
    }

    /** Requests a second and burst size for an existing tenant. */
    public void limit(String tenant, RateLimit limit) {
        try {
            client.updateItem(request -> request.tableName(table).key(key(tenant, TENANT))
                    .updateExpression("SET rate_per_second = :rate, burst = :burst")
                    .conditionExpression("attribute_exists(#range)")
                    .expressionAttributeNames(Map.of("#range", RANGE))
                    .expressionAttributeValues(Map.of(":rate", AttributeValue.fromN(Double.toString(limit.perSecond())),
                            ":burst", AttributeValue.fromN(Integer.toString(limit.burst())))));
        } catch (ConditionalCheckFailedException unknown) {
            throw new IllegalArgumentException("no tenant '" + tenant + "'");
        }
    }

    private Optional<Map<String, AttributeValue>> get(String partition, String range) {
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(table).key(key(partition, range))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> key(String partition, String range) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(HASH, AttributeValue.fromS(partition));
        key.put(RANGE, AttributeValue.fromS(range));
        return key;
    }
}
