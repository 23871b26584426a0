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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The registry and the latest samples in DynamoDB, for the AWS deployment where many function
 * instances write at once: every read is of one tenant's partition, and where the ports promise
 * that newer wins, a condition (on the stored time, or on the version of a container's latest
 * samples) makes it hold between concurrent writers. Latest samples are written per node and batch,
 * never per container or series.
 */
public final class DynamoDbStore implements ContainerRegistry, LatestSamples {
    private static final int MAX_MERGE_ATTEMPTS = 10;
    /** Where {@link #merge} puts a container that no batch has placed on a node yet (batches name a node, never blank). */
    private static final String NO_NODE = "";
    /** How long a node's items once read serve the containers on it: about as long as eventual consistency lags. */
    private static final Duration NODE_READ_REUSE = Duration.ofSeconds(1);
    private final DynamoDbClient client;
    private final DynamoDbTables tables;
    private final TenantQueries queries;
    private final BatchWriter batches;
    private final LatestNodes nodes;
    private final RecentNodeReads recentReads;
    private final Duration touchEvery;
    private final WriteMemo<Instant> touched = new WriteMemo<>();
    private final WriteMemo<MetricFamily> described = new WriteMemo<>();

    /**
     * @param touchEvery how far apart in time the {@code last_seen} writes of one container are at
     *                   least: far less than the time after which a silent container turns stale
     */
    public DynamoDbStore(DynamoDbClient client, DynamoDbTables tables, Duration touchEvery) {
        this(client, tables, touchEvery, LatestItems.MAX_SAMPLES_BYTES, System::nanoTime);
    }

    /**
     * @param maxItemBytes deflated samples a latest item holds at most: tests lower it to split small nodes
     * @param nanoTime     what times the reuse of node reads
     */
    DynamoDbStore(DynamoDbClient client, DynamoDbTables tables, Duration touchEvery, int maxItemBytes, LongSupplier nanoTime) {
        this.client = client;
        this.nodes = new LatestNodes(client, tables.latest(), maxItemBytes);
        this.recentReads = new RecentNodeReads(NODE_READ_REUSE.toNanos(), nanoTime);
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

    /** Merges into the node the container was last merged from: a node's items are read and written whole. */
    @Override
    public void merge(String tenant, String containerId, Collection<Sample> samples) {
        TenantName.check(tenant);
        String node = pointer(tenant, containerId, true).orElse(NO_NODE);
        mergeBatch(tenant, node, Map.of(containerId, List.copyOf(samples)));
    }

    /**
     * Read the node's item, merge, write it back if anything changed, on condition that no other
     * writer changed it in between (its {@code version}); else again from a strong read. One Query
     * and at most one PutItem a batch, however many containers and series it has; a batch delivered
     * twice writes nothing more. A container new to the node first points to it (and leaves the
     * node it was on, bringing its samples): the only per-container writes, when containers start or move.
     */
    @Override
    public void mergeBatch(String tenant, String node, Map<String, List<Sample>> byContainer) {
        TenantName.check(tenant);
        Objects.requireNonNull(node, "node");
        if (byContainer.isEmpty()) {
            return;
        }
        Map<String, Collection<Sample>> newest = new LinkedHashMap<>();
        byContainer.forEach((containerId, samples) -> newest.put(containerId, newestPerSeries(samples)));
        Map<String, Collection<Sample>> moved = new HashMap<>();
        untilWritten("latest samples of node '" + node + "' of tenant '" + tenant + "'", attempt -> {
            NodeSamples stored = nodes.read(tenant, node, attempt > 1);
            newest.keySet().stream()
                    .filter(containerId -> !stored.holds(containerId) && !moved.containsKey(containerId))
                    .forEach(containerId -> moved.put(containerId, claim(tenant, containerId, node)));
            boolean changed = false;
            for (Map.Entry<String, Collection<Sample>> container : moved.entrySet()) {
                changed |= stored.merge(container.getKey(), container.getValue());
            }
            for (Map.Entry<String, Collection<Sample>> container : newest.entrySet()) {
                changed |= stored.merge(container.getKey(), container.getValue());
            }
            return !changed || written(tenant, node, stored);
        });
    }

    /** Writes the node's items; this instance's next read of them reads them again. */
    private boolean written(String tenant, String node, NodeSamples samples) {
        try {
            return nodes.write(tenant, node, samples);
        } finally {
            recentReads.forget(tenant, node);
        }
    }

    /**
     * Points the container at {@code node}, unless it already does; the samples it had on the node
     * it leaves, which that node's items no longer hold, so that no stale copy is left to serve.
     */
    private List<Sample> claim(String tenant, String containerId, String node) {
        Optional<String> previous = pointer(tenant, containerId, true);
        if (previous.equals(Optional.of(node))) {
            return List.of();
        }
        List<Sample> samples = previous.map(from -> takeOut(tenant, from, containerId)).orElse(List.of());
        client.putItem(request -> request.tableName(tables.latest()).item(LatestItems.pointer(tenant, containerId, node)));
        return samples;
    }

    /** Removes the container from the node's items; its samples there. */
    private List<Sample> takeOut(String tenant, String node, String containerId) {
        List<Sample> removed = new ArrayList<>();
        untilWritten("latest samples of node '" + node + "' of tenant '" + tenant + "'", attempt -> {
            NodeSamples stored = nodes.read(tenant, node, true);
            removed.clear();
            removed.addAll(stored.remove(containerId));
            return removed.isEmpty() || written(tenant, node, stored);
        });
        return removed;
    }

    /** Runs {@code attempt} (numbered from 1) until it reports done, or fails after {@value #MAX_MERGE_ATTEMPTS} tries. */
    private static void untilWritten(String what, IntPredicate attempt) {
        for (int number = 1; !attempt.test(number); number++) {
            if (number == MAX_MERGE_ATTEMPTS) {
                throw new IllegalStateException(what + " changed by other writers " + MAX_MERGE_ATTEMPTS + " times in a row");
            }
        }
    }

    /** The node whose items hold the container's samples. */
    private Optional<String> pointer(String tenant, String containerId, boolean consistent) {
        return read(tables.latest(), LatestItems.containerKey(tenant, containerId), consistent).flatMap(LatestItems::pointedNode);
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

    /**
     * The container's pointer, then its node's items, read again after {@link #NODE_READ_REUSE} only;
     * eventually consistent, half the price of a strong read: a scrape may trail the newest batch by a second.
     */
    @Override
    public List<Sample> latest(String tenant, String containerId) {
        return pointer(tenant, containerId, false)
                .map(node -> recentReads.get(tenant, node, () -> nodes.read(tenant, node, false)).samples(containerId))
                .orElse(List.of());
    }

    @Override
    public Map<String, MetricFamily> families(String tenant) {
        return queries.withPrefix(tables.latest(), tenant, LatestItems.KEY, LatestItems.FAMILY_PREFIX)
                .map(LatestItems::family)
                .collect(Collectors.toMap(MetricFamily::name, Function.identity()));
    }

    /** Out of its node's items first: a pointer left by a failure in between points to nothing. */
    @Override
    public void drop(String tenant, String containerId) {
        pointer(tenant, containerId, true).ifPresent(node -> takeOut(tenant, node, containerId));
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
