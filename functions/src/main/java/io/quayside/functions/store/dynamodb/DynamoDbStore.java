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
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry and the latest samples in DynamoDB, for the AWS deployment where many function
 * instances write at once: every read is of one tenant's partition, and where the ports promise
 * that newer wins, a condition (on the stored time, or on the version of a container's latest
 * samples) makes it hold between concurrent writers. Writes are per container, never per series.
 */
public final class DynamoDbStore implements ContainerRegistry, LatestSamples {
    private static final int MAX_MERGE_ATTEMPTS = 10;
    private final DynamoDbClient client;
    private final DynamoDbTables tables;
    private final TenantQueries queries;
    private final BatchWriter batches;
    private final Duration touchEvery;
    private final WriteMemo<Instant> touched = new WriteMemo<>();
    private final WriteMemo<MetricFamily> described = new WriteMemo<>();

    /**
     * @param touchEvery how far apart in time the {@code last_seen} writes of one container are at
     *                   least: far less than the time after which a silent container turns stale
     */
    public DynamoDbStore(DynamoDbClient client, DynamoDbTables tables, Duration touchEvery) {
        this.client = client;
        this.tables = tables;
        this.touchEvery = touchEvery;
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

    /** Writes at most once per {@code touchEvery} of seen time per container and instance: a batch is not a write. */
    @Override
    public void touch(String tenant, String containerId, Instant seenAt) {
        String key = tenant + "/" + containerId;
        Instant last = touched.lastWritten(key);
        if (last != null && seenAt.isBefore(last.plus(touchEvery))) {
            return;
        }
        touched.wrote(key, seenAt);
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
     * Read, merge, write back if anything changed, on condition that no other writer changed the
     * item in between (its {@code version}); else again from a strong read. One read and at most one
     * write a container, however many series it has; a batch delivered twice writes nothing more.
     */
    @Override
    public void merge(String tenant, String containerId, Collection<Sample> samples) {
        TenantName.check(tenant);
        Collection<Sample> newest = newestPerSeries(samples);
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> stored = read(tables.latest(), LatestItems.containerKey(tenant, containerId), attempt > 1);
            Map<Labels, Sample> kept = new TreeMap<>();
            stored.map(LatestItems::samples).ifPresent(held -> held.forEach(sample -> kept.put(sample.labels(), sample)));
            if (!mergeInto(kept, newest)) {
                return;
            }
            try {
                writeBack(tenant, containerId, kept.values(), stored);
                return;
            } catch (ConditionalCheckFailedException changedMeanwhile) {
                if (attempt == MAX_MERGE_ATTEMPTS) {
                    throw new IllegalStateException("latest samples of container '" + containerId + "' of tenant '" + tenant
                            + "' changed by other writers " + MAX_MERGE_ATTEMPTS + " times in a row", changedMeanwhile);
                }
            }
        }
    }

    /** Newer (or same-time) samples replace, staleness markers remove; whether anything changed. */
    private static boolean mergeInto(Map<Labels, Sample> kept, Collection<Sample> newest) {
        boolean changed = false;
        for (Sample sample : newest) {
            Sample held = kept.get(sample.labels());
            if (held != null && held.timestampMs() > sample.timestampMs()) {
                continue;
            }
            if (sample.isStale()) {
                changed |= kept.remove(sample.labels()) != null;
            } else if (!sample.equals(held)) {
                kept.put(sample.labels(), sample);
                changed = true;
            }
        }
        return changed;
    }

    /** @throws ConditionalCheckFailedException when another writer changed the item since {@code stored} was read */
    private void writeBack(String tenant, String containerId, Collection<Sample> kept, Optional<Map<String, AttributeValue>> stored) {
        long version = stored.map(LatestItems::version).orElse(0L);
        String condition = stored.isPresent() ? "#version = :version" : "attribute_not_exists(#version)";
        Map<String, String> names = Map.of("#version", LatestItems.VERSION);
        Map<String, AttributeValue> values = stored.isPresent() ? Map.of(":version", stored.get().get(LatestItems.VERSION)) : null;
        if (kept.isEmpty()) {
            client.deleteItem(request -> request.tableName(tables.latest()).key(LatestItems.containerKey(tenant, containerId))
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values));
        } else {
            Map<String, AttributeValue> item = LatestItems.item(tenant, containerId, kept, version + 1);
            client.putItem(request -> request.tableName(tables.latest()).item(item)
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values));
        }
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
        // Every batch repeats its families: only what differs from this instance's last write is written.
        List<MetricFamily> changed = last.values().stream()
                .filter(family -> !family.equals(described.lastWritten(tenant + "/" + family.name())))
                .toList();
        batches.write(tables.latest(), changed.stream()
                .map(family -> WriteRequest.builder().putRequest(PutRequest.builder().item(LatestItems.item(tenant, family)).build()).build())
                .toList());
        changed.forEach(family -> described.wrote(tenant + "/" + family.name(), family));
    }

    /** Eventually consistent, half the price of a strong read: a scrape may trail the newest batch by a second. */
    @Override
    public List<Sample> latest(String tenant, String containerId) {
        return read(tables.latest(), LatestItems.containerKey(tenant, containerId), false).map(LatestItems::samples).orElse(List.of());
    }

    @Override
    public Map<String, MetricFamily> families(String tenant) {
        return queries.withPrefix(tables.latest(), tenant, LatestItems.KEY, LatestItems.FAMILY_PREFIX)
                .map(LatestItems::family)
                .collect(Collectors.toMap(MetricFamily::name, Function.identity()));
    }

    @Override
    public void drop(String tenant, String containerId) {
        client.deleteItem(request -> request.tableName(tables.latest()).key(LatestItems.containerKey(tenant, containerId)));
    }

    /** Strongly consistent: discovery reads what it has just written to decide what comes next. */
    private Optional<Map<String, AttributeValue>> get(String table, Map<String, AttributeValue> key) {
        return read(table, key, true);
    }

    private Optional<Map<String, AttributeValue>> read(String table, Map<String, AttributeValue> key, boolean consistent) {
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(table).key(key).consistentRead(consistent)).item();
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
