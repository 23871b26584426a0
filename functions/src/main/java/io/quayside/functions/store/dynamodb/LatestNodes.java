package io.quayside.functions.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items of the latest table that hold a node's containers' newest samples: read with one Query,
 * written back on condition that no other writer changed them since. A node whose samples fit one
 * item, as a host's do, costs one PutItem a write; only larger ones need a transaction.
 */
final class LatestNodes {
    /** DynamoDB's limit of actions in one transaction. */
    private static final int MAX_TRANSACTION_ITEMS = 100;
    private static final Set<String> CHANGED_MEANWHILE = Set.of("ConditionalCheckFailed", "TransactionConflict");
    private final DynamoDbClient client;
    private final String table;
    private final TenantQueries queries;
    private final int maxItemBytes;

    /** @param maxItemBytes deflated samples an item holds at most, under DynamoDB's 400 KB item limit */
    LatestNodes(DynamoDbClient client, String table, int maxItemBytes) {
        this.client = client;
        this.table = table;
        this.queries = new TenantQueries(client);
        this.maxItemBytes = maxItemBytes;
    }

    NodeSamples read(String tenant, String node, boolean consistent) {
        return NodeSamples.of(queries.withPrefix(table, tenant, LatestItems.KEY, LatestItems.nodePrefix(node), consistent)
                .filter(item -> LatestItems.ofNode(item, node))
                .toList());
    }

    /**
     * Replaces the node's items with {@code samples}, each on condition that its version is still
     * the one read (or that it is still absent).
     *
     * @return false when another writer changed an item since {@code samples} were read: nothing was written
     */
    boolean write(String tenant, String node, NodeSamples samples) {
        List<NodeSamples.Part> parts = samples.parts(tenant, maxItemBytes);
        Map<String, AttributeValue> stored = new HashMap<>(samples.storedVersions());
        long version = samples.newestVersion() + 1;
        List<Change> changes = new ArrayList<>();
        for (int part = 0; part < parts.size(); part++) {
            Map<String, AttributeValue> item = LatestItems.nodeItem(tenant, node, part, parts.get(part), version);
            changes.add(new Change(item, stored.remove(item.get(LatestItems.KEY).s()), false));
        }
        stored.forEach((rangeKey, read) -> changes.add(new Change(LatestItems.key(tenant, rangeKey), read, true)));
        try {
            apply(tenant, node, changes);
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        } catch (TransactionCanceledException canceled) {
            if (canceled.cancellationReasons().stream().map(CancellationReason::code).anyMatch(CHANGED_MEANWHILE::contains)) {
                return false;
            }
            throw canceled;
        }
    }

    /**
     * An item to put ({@code delete} false) or a key to delete, on condition of the version read.
     *
     * @param read the version read, null when the item was absent
     */
    private record Change(Map<String, AttributeValue> item, AttributeValue read, boolean delete) {
        private static final Map<String, String> VERSION_NAME = Map.of("#version", LatestItems.VERSION);

        String condition() {
            return read == null ? "attribute_not_exists(#version)" : "#version = :version";
        }

        Map<String, AttributeValue> values() {
            return read == null ? null : Map.of(":version", read);
        }

        TransactWriteItem transactItem(String table) {
            return delete
                    ? TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(item)
                            .conditionExpression(condition()).expressionAttributeNames(VERSION_NAME).expressionAttributeValues(values()).build()).build()
                    : TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                            .conditionExpression(condition()).expressionAttributeNames(VERSION_NAME).expressionAttributeValues(values()).build()).build();
        }
    }

    /** One change alone, as a host's node is (a transaction would cost twice the units); several in one transaction. */
    private void apply(String tenant, String node, List<Change> changes) {
        if (changes.size() > MAX_TRANSACTION_ITEMS) {
            throw new IllegalArgumentException("latest samples of node '" + node + "' of tenant '" + tenant + "' need "
                    + changes.size() + " items: more than one transaction writes (" + MAX_TRANSACTION_ITEMS + ")");
        }
        if (changes.size() > 1) {
            client.transactWriteItems(request -> request.transactItems(changes.stream().map(change -> change.transactItem(table)).toList()));
        } else if (changes.size() == 1 && changes.get(0).delete()) {
            Change change = changes.get(0);
            client.deleteItem(request -> request.tableName(table).key(change.item()).conditionExpression(change.condition())
                    .expressionAttributeNames(Change.VERSION_NAME).expressionAttributeValues(change.values()));
        } else if (changes.size() == 1) {
            Change change = changes.get(0);
            client.putItem(request -> request.tableName(table).item(change.item()).conditionExpression(change.condition())
                    .expressionAttributeNames(Change.VERSION_NAME).expressionAttributeValues(change.values()));
        }
    }
}
