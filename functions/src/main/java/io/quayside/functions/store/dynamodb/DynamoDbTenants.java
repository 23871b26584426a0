package io.quayside.functions.store.dynamodb;

import io.quayside.functions.tenancy.RateLimit;
import io.quayside.functions.tenancy.Tenant;
import io.quayside.functions.tenancy.TenantAdministration;
import io.quayside.functions.tenancy.TenantToken;
import io.quayside.model.TenantName;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Tenants and their hashed tokens in the tenants table. The gateway has only the token, and the
 * table's hash key is the tenant, so each token is kept twice: under its tenant (range key its
 * SHA-256, for listing) and under the partition {@value #TOKENS}, which no tenant can be named
 * (names hold no '#'), whose item names the owner: one GetItem answers a request. A tenant itself
 * is the item {@value #TENANT}, with its rate limit if it has one.
 */
public final class DynamoDbTenants implements TenantAdministration {
    static final String TOKENS = "#token";
    static final String TENANT = "#tenant";
    private static final String HASH = "tenant";
    private static final String RANGE = "token_hash";
    private static final String SET_LIMIT = "rate_per_second = :rate, burst = :burst";

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    public DynamoDbTenants(DynamoDbClient client, String table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
    }

    /**
     * The tenants table the runtime uses, found from the environment variables its settings read
     * ({@code QUAYSIDE_TABLE_TENANTS}, else {@code <QUAYSIDE_DYNAMODB_TABLE_PREFIX>-tenants};
     * {@code QUAYSIDE_DYNAMODB_ENDPOINT}, {@code QUAYSIDE_DYNAMODB_REGION}; unset or empty as there),
     * for the {@code tenants} command, which runs without Quarkus.
     */
    public static DynamoDbTenants fromEnvironment(Map<String, String> environment, Clock clock) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder();
        setting(environment, "QUAYSIDE_DYNAMODB_ENDPOINT").map(URI::create).ifPresent(builder::endpointOverride);
        setting(environment, "QUAYSIDE_DYNAMODB_REGION").map(Region::of).ifPresent(builder::region);
        String table = setting(environment, "QUAYSIDE_TABLE_TENANTS").orElseGet(() ->
                DynamoDbTables.withPrefix(setting(environment, "QUAYSIDE_DYNAMODB_TABLE_PREFIX").orElse("quayside")).tenants());
        return new DynamoDbTenants(DynamoDbClients.metered(builder, new CapacityMeter()), table, clock);
    }

    private static Optional<String> setting(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
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
        return get(tenant, TENANT).flatMap(DynamoDbTenants::rateLimitOf).orElse(RateLimit.DEFAULT);
    }

    @Override
    public IssuedToken issue(String tenant, Optional<RateLimit> limit, Optional<String> description) {
        TenantName.check(tenant);
        String token = TenantToken.generate();
        TenantToken entry = TenantToken.of(token, clock.instant(), description);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":name", AttributeValue.fromS(tenant)));
        limit.ifPresent(given -> values.putAll(limitValues(given)));
        client.updateItem(request -> request.tableName(table).key(key(tenant, TENANT))
                .updateExpression("SET #name = :name" + (limit.isPresent() ? ", " + SET_LIMIT : ""))
                .expressionAttributeNames(Map.of("#name", "name"))
                .expressionAttributeValues(values));
        add(tenant, entry);
        return new IssuedToken(entry.id(), token);
    }

    /**
     * A consistent Scan of the whole table: the tenants are its partitions and no item lists them,
     * and the table holds a few items per tenant. Only this listing scans; requests never do.
     */
    @Override
    public List<Tenant> tenants() {
        SortedMap<String, Optional<RateLimit>> limits = new TreeMap<>();
        Map<String, List<TenantToken>> tokens = new HashMap<>();
        Iterable<Map<String, AttributeValue>> items = client.scanPaginator(request -> request.tableName(table).consistentRead(true)
                .filterExpression("#hash <> :tokens")
                .expressionAttributeNames(Map.of("#hash", HASH))
                .expressionAttributeValues(Map.of(":tokens", AttributeValue.fromS(TOKENS)))).items();
        for (Map<String, AttributeValue> item : items) {
            String tenant = item.get(HASH).s();
            limits.putIfAbsent(tenant, Optional.empty());
            if (item.get(RANGE).s().equals(TENANT)) {
                limits.put(tenant, rateLimitOf(item));
            } else {
                tokens.computeIfAbsent(tenant, name -> new ArrayList<>()).add(token(item));
            }
        }
        List<Tenant> tenants = new ArrayList<>();
        limits.forEach((name, limit) -> tenants.add(new Tenant(name, limit, tokens.getOrDefault(name, List.of()).stream()
                .sorted(Comparator.comparing(TenantToken::created).thenComparing(TenantToken::sha256)).toList())));
        return tenants;
    }

    /**
     * The owner item goes first, so the token stops working before it leaves the listing; should
     * the second delete fail, revoking again completes it.
     */
    @Override
    public void revoke(String tenant, String tokenId) {
        List<Map<String, AttributeValue>> partition = client.queryPaginator(request -> request.tableName(table).consistentRead(true)
                .keyConditionExpression("#hash = :tenant")
                .expressionAttributeNames(Map.of("#hash", HASH))
                .expressionAttributeValues(Map.of(":tenant", AttributeValue.fromS(tenant)))).items().stream().toList();
        if (partition.stream().noneMatch(item -> item.get(RANGE).s().equals(TENANT))) {
            throw new IllegalArgumentException("no tenant '" + tenant + "'");
        }
        List<String> hashes = partition.stream().filter(item -> item.containsKey("id") && item.get("id").s().equals(tokenId))
                .map(item -> item.get(RANGE).s()).toList();
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException("tenant '" + tenant + "' has no token '" + tokenId + "'");
        }
        for (String sha256 : hashes) {
            try {
                client.deleteItem(request -> request.tableName(table).key(key(TOKENS, sha256))
                        .conditionExpression("#owner = :owner")
                        .expressionAttributeNames(Map.of("#owner", "owner"))
                        .expressionAttributeValues(Map.of(":owner", AttributeValue.fromS(tenant))));
            } catch (ConditionalCheckFailedException goneOrNotOurs) {
                // Deleted by an earlier revoke that stopped halfway, or never ours to delete.
            }
            client.deleteItem(request -> request.tableName(table).key(key(tenant, sha256)));
        }
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
        add(tenant, entry);
    }

    /** The token's owner item, on condition that no other tenant holds the token, then its listing item. */
    private void add(String tenant, TenantToken entry) {
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
            String holder = get(TOKENS, entry.sha256()).map(item -> item.get("owner").s()).orElse("?");
            throw new IllegalArgumentException("this token already belongs to tenant '" + holder + "'");
        }
        client.putItem(request -> request.tableName(table).item(held));
    }

    @Override
    public void limit(String tenant, RateLimit limit) {
        try {
            client.updateItem(request -> request.tableName(table).key(key(tenant, TENANT))
                    .updateExpression("SET " + SET_LIMIT)
                    .conditionExpression("attribute_exists(#range)")
                    .expressionAttributeNames(Map.of("#range", RANGE))
                    .expressionAttributeValues(limitValues(limit)));
        } catch (ConditionalCheckFailedException unknown) {
            throw new IllegalArgumentException("no tenant '" + tenant + "'");
        }
    }

    private static Map<String, AttributeValue> limitValues(RateLimit limit) {
        return Map.of(":rate", AttributeValue.fromN(Double.toString(limit.perSecond())),
                ":burst", AttributeValue.fromN(Integer.toString(limit.burst())));
    }

    private static Optional<RateLimit> rateLimitOf(Map<String, AttributeValue> tenantItem) {
        if (!tenantItem.containsKey("rate_per_second")) {
            return Optional.empty();
        }
        return Optional.of(new RateLimit(Double.parseDouble(tenantItem.get("rate_per_second").n()), Integer.parseInt(tenantItem.get("burst").n())));
    }

    private static TenantToken token(Map<String, AttributeValue> listingItem) {
        return new TenantToken(listingItem.get("id").s(), listingItem.get(RANGE).s(),
                EpochSeconds.instant(listingItem.get("created")), Optional.ofNullable(listingItem.get("description")).map(AttributeValue::s));
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
