package io.quayside.functions.store.dynamodb;

import io.quayside.functions.store.SeenBatches;
import io.quayside.model.TenantName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The batch-id ledger in the latest table, under range keys {@code batch#<id>} beside the tenant's
 * series and families: one small item per batch with a TTL, so there is no table more to create,
 * grant and pay a minimum for. Reads compare the exact expiry, since TTL deletes late.
 */
public final class DynamoDbSeenBatches implements SeenBatches {
    static final String PREFIX = "batch#";
    private static final String EXPIRES_AT_EXACT = "expires_at_exact";

    private final DynamoDbClient client;
    private final String table;
    private final Duration retention;
    private final Clock clock;

    public DynamoDbSeenBatches(DynamoDbClient client, String latestTable, Duration retention, Clock clock) {
        this.client = client;
        this.table = latestTable;
        this.retention = retention;
        this.clock = clock;
    }

    /** Strongly consistent: a redelivery may follow the first delivery within a second. */
    @Override
    public boolean seen(String tenant, String batchId) {
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(table)
                .key(LatestItems.key(tenant, LatestItems.boundedKey(PREFIX, batchId))).consistentRead(true)).item();
        return item != null && !item.isEmpty()
                && EpochSeconds.instant(item.get(EXPIRES_AT_EXACT)).isAfter(clock.instant());
    }

    @Override
    public void remember(String tenant, String batchId, Instant at) {
        TenantName.check(tenant);
        Instant expiresAt = at.plus(retention);
        client.putItem(request -> request.tableName(table).item(Map.of(
                LatestItems.TENANT, AttributeValue.fromS(tenant),
                LatestItems.KEY, AttributeValue.fromS(LatestItems.boundedKey(PREFIX, batchId)),
                "expires_at", EpochSeconds.ttl(expiresAt),
                EXPIRES_AT_EXACT, EpochSeconds.exact(expiresAt))));
    }
}
