package io.quayside.functions.store.dynamodb;

import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Latest samples and family metadata as items of the latest table. A node's containers' newest
 * samples are one item, {@code node#<node>#0} (more, {@code #1}, ..., when they pass one item's
 * size), holding them in the batch codec's deflated form, the containers they belong to and a
 * {@code version} that writers compare; {@code container#<id>} names the node of a container;
 * families are {@code family#<name>}.
 */
final class LatestItems {
    static final String TENANT = "tenant";
    static final String KEY = "series";
    static final String VERSION = "version";
    static final String FAMILY_PREFIX = "family#";
    /** Well under DynamoDB's 400 KB item limit: deflated samples take ~7 bytes, so ~50,000 series an item. */
    static final int MAX_SAMPLES_BYTES = 350_000;
    private static final String CONTAINER_PREFIX = "container#";
    private static final String NODE_PREFIX = "node#";
    private static final String NODE = "node";
    private static final String CONTAINERS = "containers";
    private static final String COUNTS = "counts";
    private static final String SAMPLES = "samples";
    /** DynamoDB's limit for a range key is 1024 bytes; longer ids are keyed by their digest. */
    private static final int MAX_ID_BYTES = 1000;

    private LatestItems() {
    }

    static Map<String, AttributeValue> key(String tenant, String rangeKey) {
        return Map.of(TENANT, AttributeValue.fromS(tenant), KEY, AttributeValue.fromS(rangeKey));
    }

    static Map<String, AttributeValue> containerKey(String tenant, String containerId) {
        return key(tenant, boundedKey(CONTAINER_PREFIX, containerId));
    }

    /** {@code prefix + id}, or {@code prefix + "sha256:" + digest} when the id would pass the range-key limit. */
    static String boundedKey(String prefix, String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        return prefix + (bytes.length <= MAX_ID_BYTES ? id : "sha256:" + Sha256.hex(bytes, 32));
    }

    /** Which node's item holds the container's samples: written when the container first shows up on a node. */
    static Map<String, AttributeValue> pointer(String tenant, String containerId, String node) {
        Map<String, AttributeValue> item = new HashMap<>(containerKey(tenant, containerId));
        item.put(NODE, AttributeValue.fromS(node));
        return item;
    }

    /** Empty for an item of the former layout (samples per container), which the next batch replaces. */
    static Optional<String> pointedNode(Map<String, AttributeValue> pointer) {
        return Optional.ofNullable(pointer.get(NODE)).map(AttributeValue::s);
    }

    /** Range keys of the node's items start so; the {@code node} attribute tells nodes apart whose names extend one another. */
    static String nodePrefix(String node) {
        return boundedKey(NODE_PREFIX, node) + "#";
    }

    static Map<String, AttributeValue> nodeItem(String tenant, String node, int part, NodeSamples.Part content, long version) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, nodePrefix(node) + part));
        item.put(NODE, AttributeValue.fromS(node));
        item.put(CONTAINERS, AttributeValue.fromL(content.containerIds().stream().map(AttributeValue::fromS).toList()));
        item.put(COUNTS, AttributeValue.fromL(content.counts().stream().map(count -> AttributeValue.fromN(count.toString())).toList()));
        item.put(SAMPLES, DeflatedSamples.attribute(content.encoded()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
        return item;
    }

    static boolean ofNode(Map<String, AttributeValue> item, String node) {
        return item.containsKey(NODE) && item.get(NODE).s().equals(node);
    }

    /** The item's containers and their samples, in the order written. */
    static Map<String, List<Sample>> containers(Map<String, AttributeValue> item) {
        List<Sample> samples = DeflatedSamples.decode(item.get(SAMPLES), "latest samples " + item.get(TENANT).s() + " / " + item.get(KEY).s());
        List<AttributeValue> ids = item.get(CONTAINERS).l();
        List<AttributeValue> counts = item.get(COUNTS).l();
        Map<String, List<Sample>> containers = new LinkedHashMap<>();
        int from = 0;
        for (int i = 0; i < ids.size(); i++) {
            int to = from + Integer.parseInt(counts.get(i).n());
            containers.put(ids.get(i).s(), samples.subList(from, to));
            from = to;
        }
        return containers;
    }

    static AttributeValue version(Map<String, AttributeValue> item) {
        return item.get(VERSION);
    }

    static Map<String, AttributeValue> item(String tenant, MetricFamily family) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, FAMILY_PREFIX + family.name()));
        item.put("name", AttributeValue.fromS(family.name()));
        item.put("type", AttributeValue.fromS(family.type().name()));
        item.put("help", AttributeValue.fromS(family.help()));
        return item;
    }

    static MetricFamily family(Map<String, AttributeValue> item) {
        return new MetricFamily(item.get("name").s(), MetricType.valueOf(item.get("type").s()), item.get("help").s());
    }
}
