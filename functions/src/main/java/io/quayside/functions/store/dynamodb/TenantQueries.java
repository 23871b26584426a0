package io.quayside.functions.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.Map;
import java.util.stream.Stream;

/** Reads within one tenant's partition, page after page; never a Scan, so no read crosses tenants. */
final class TenantQueries {
    private final DynamoDbClient client;

    TenantQueries(DynamoDbClient client) {
        this.client = client;
    }

    /** The tenant's items whose range key starts with {@code prefix}, strongly consistent. */
    Stream<Map<String, AttributeValue>> withPrefix(String table, String tenant, String rangeKey, String prefix) {
        return withPrefix(table, tenant, rangeKey, prefix, true);
    }

    Stream<Map<String, AttributeValue>> withPrefix(String table, String tenant, String rangeKey, String prefix, boolean consistent) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#tenant = :tenant AND begins_with(#key, :prefix)")
                .expressionAttributeNames(Map.of("#tenant", "tenant", "#key", rangeKey))
                .expressionAttributeValues(Map.of(":tenant", AttributeValue.fromS(tenant), ":prefix", AttributeValue.fromS(prefix)))
                .consistentRead(consistent)
                .build();
        return client.queryPaginator(query).items().stream();
    }
}
