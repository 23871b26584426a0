package io.quayside.functions.store.dynamodb;

import io.quayside.functions.store.Container;
import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.functions.store.Tombstone;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.Sample;
import io.quayside.model.TenantName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The registry and the latest samples in DynamoDB, for the AWS deployment where many function
 * instances write at once: every read is a query of one tenant's partition, and where the ports
 * promise that newer wins, a condition on the stored time makes it hold between concurrent writers.
 */
public final class DynamoDbStore implements ContainerRegistry, LatestSamples {
    private final DynamoDbClient client;
    private final DynamoDbTables tables;
    private final TenantQueries queries;
    private final BatchWriter batches;

    public DynamoDbStore(DynamoDbClient client, DynamoDbTables tables) {
        this.client = client;
        this.tables = tables;
        this.queries = new TenantQueries(client);
        this.batches = new BatchWriter(client);
    }

    @Override
    public void put(Container container) {
        TenantName.check(container.tenant());
        client.putItem(request -> request.tableName(tables.registry()).item(RegistryItems.item(container)));
    }

    /**
     * Keeps the tombstone before removing the container, as the embedded store does: a crash in
     * between leaves a container that the next destroy removes. Expired tombstones are left to TTL.
     */
    @Override
    public void bury(Tombstone tombstone, Instant now) {
        TenantName.check(tombstone.tenant());
        ignoringFailedCondition(() -> client.putItem(request -> request.tableName(tables.registry())
                .item(RegistryItems.item(tombstone))
                .conditionExpression("attribute_not_exists(#key) OR #destroyed < :destroyed OR #expires <= :now")
                .expressionAttributeNames(Map.of("#key", RegistryItems.KEY, "#destroyed", RegistryItems.DESTROYED_AT,
                        "#expires", RegistryItems.EXPIRES_AT_EXACT))
                .expressionAttributeValues(Map.of(":destroyed", EpochSeconds.exact(tombstone.destroyedAt()),
                        ":now", EpochSeconds.exact(now)))));
        client.deleteItem(request -> request.tableName(tables.registry())
                .key(RegistryItems.containerKey(tombstone.tenant(), tombstone.containerId())));
    }

    @Override
    public Optional<Tombstone> tombstone(String tenant, String containerId, Instant now) {
        return get(tables.registry(), RegistryItems.tombstoneKey(tenant, containerId))
                .map(RegistryItems::tombstone)
                .filter(tombstone -> !tombstone.expiredAt(now));
    }

    @Override
    public void touch(String tenant, String containerId, Instant seenAt) {
        ignoringFailedCondition(() -> client.updateItem(request -> request.tableName(tables.registry())
                .key(RegistryItems.containerKey(tenant, containerId))
                .updateExpression("SET #seen = :seen")
                .conditionExpression("attribute_exists(#key) AND #seen < :seen")
                .expressionAttributeNames(Map.of("#key", RegistryItems.KEY, "#seen", RegistryItems.LAST_SEEN))
                .expressionAttributeValues(Map.of(":seen", EpochSeconds.exact(seenAt)))));
    }

    @Override
    public Optional<Container> find(String tenant, String containerId) {
        return get(tables.registry(), RegistryItems.containerKey(tenant, containerId)).map(RegistryItems::container);
    }

    @Override
    public List<Container> list(String tenant) {
        // Sorted here: DynamoDB orders range keys by UTF-8 bytes, the port by Java's string order.
        return queries.withPrefix(tables.registry(), tenant, RegistryItems.KEY, RegistryItems.CONTAINER_PREFIX)
                .map(RegistryItems::container)
                .sorted(Comparator.comparing(Container::id))
                .toList();
    }

    /**
     * One conditional write per series: BatchWriteItem takes no conditions, and only a condition on
     * the stored timestamp keeps a slower writer from replacing a newer sample with an older one.
     */
    @Override
    public void merge(String tenant, String containerId, Collection<Sample> samples) {
        TenantName.check(tenant);
        for (Sample sample : newestPerSeries(samples)) {
            Map<String, AttributeValue> item = LatestItems.item(tenant, containerId, sample);
            ignoringFailedCondition(() -> {
                if (sample.isStale()) {
                    deleteUnlessNewerIsStored(item);
                } else {
                    putUnlessNewerIsStored(item);
                }
            });
        }
    }

    private void putUnlessNewerIsStored(Map<String, AttributeValue> item) {
        client.putItem(request -> request.tableName(tables.latest()).item(item)
                .conditionExpression("attribute_not_exists(#key) OR #ts <= :ts")
                .expressionAttributeNames(Map.of("#key", LatestItems.KEY, "#ts", LatestItems.TIMESTAMP_MS))
                .expressionAttributeValues(Map.of(":ts", item.get(LatestItems.TIMESTAMP_MS))));
    }

    private void deleteUnlessNewerIsStored(Map<String, AttributeValue> item) {
        client.deleteItem(request -> request.tableName(tables.latest())
                .key(LatestItems.key(item.get(LatestItems.TENANT).s(), item.get(LatestItems.KEY).s()))
                .conditionExpression("#ts <= :ts")
                .expressionAttributeNames(Map.of("#ts", LatestItems.TIMESTAMP_MS))
                .expressionAttributeValues(Map.of(":ts", item.get(LatestItems.TIMESTAMP_MS))));
    }

    /** Per series, the newest sample (the last of equal times), so a merge writes each series once. */
    private static Collection<Sample> newestPerSeries(Collection<Sample> samples) {
        return samples.stream().collect(Collectors.toMap(Sample::labels, Function.identity(),
                (kept, next) -> next.timestampMs() >= kept.timestampMs() ? next : kept, LinkedHashMap<Labels, Sample>::new)).values();
    }

    @Override
    public void describe(String tenant, Collection<MetricFamily> families) {
        TenantName.check(tenant);
        // One request may not hold one key twice: the last metadata of a family wins, as it would in turn.
        Map<String, MetricFamily> last = families.stream()
                .collect(Collectors.toMap(MetricFamily::name, Function.identity(), (earlier, later) -> later, LinkedHashMap::new));
        batches.write(tables.latest(), last.values().stream()
                .map(family -> WriteRequest.builder().putRequest(PutRequest.builder().item(LatestItems.item(tenant, family)).build()).build())
                .toList());
    }

    @Override
    public List<Sample> latest(String tenant, String containerId) {
        return seriesOf(tenant, containerId).map(LatestItems::sample).toList();
    }

    @Override
    public Map<String, MetricFamily> families(String tenant) {
        return queries.withPrefix(tables.latest(), tenant, LatestItems.KEY, LatestItems.FAMILY_PREFIX)
                .map(LatestItems::family)
                .collect(Collectors.toMap(MetricFamily::name, Function.identity()));
    }

    @Override
    public void drop(String tenant, String containerId) {
        batches.write(tables.latest(), seriesOf(tenant, containerId)
                .map(item -> WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                        .key(LatestItems.key(tenant, item.get(LatestItems.KEY).s())).build()).build())
                .toList());
    }

    private Stream<Map<String, AttributeValue>> seriesOf(String tenant, String containerId) {
        return queries.withPrefix(tables.latest(), tenant, LatestItems.KEY, LatestItems.seriesPrefix(containerId))
                .filter(item -> item.get(LatestItems.CONTAINER_ID).s().equals(containerId));
    }

    /** Strongly consistent: discovery reads what it has just written to decide what comes next. */
    private Optional<Map<String, AttributeValue>> get(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** A failed condition means a newer value is already stored: the write had nothing to do. */
    private static void ignoringFailedCondition(Runnable write) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException newerIsStored) {
            // nothing to do
        }
    }
}
