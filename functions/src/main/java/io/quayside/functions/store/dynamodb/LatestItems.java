package io.quayside.functions.store.dynamodb;

import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Latest samples and family metadata as items of the latest table. A container's newest samples
 * are one item, {@code container#<id>}, holding them in the batch codec's deflated form and a
 * {@code version} that writers compare; families are {@code family#<name>}.
 */
final class LatestItems {
    static final String TENANT = "tenant";
    static final String KEY = "series";
    static final String VERSION = "version";
    static final String FAMILY_PREFIX = "family#";
    /** Well under DynamoDB's 400 KB item limit: deflated samples take ~7 bytes, so ~50,000 series a container. */
    static final int MAX_SAMPLES_BYTES = 350_000;
    private static final String CONTAINER_PREFIX = "container#";
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

    /** @throws IllegalArgumentException when the samples do not fit one item, naming the container */
    static Map<String, AttributeValue> item(String tenant, String containerId, Collection<Sample> samples, long version) {
        byte[] encoded = DeflatedSamples.encode(tenant, List.copyOf(samples));
        if (encoded.length > MAX_SAMPLES_BYTES) {
            throw new IllegalArgumentException("container '" + containerId + "' of tenant '" + tenant + "' has " + samples.size()
                    + " series, " + encoded.length + " bytes deflated: more than one item holds (" + MAX_SAMPLES_BYTES + ")");
        }
        Map<String, AttributeValue> item = new HashMap<>(containerKey(tenant, containerId));
        item.put(SAMPLES, DeflatedSamples.attribute(encoded));
        item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
        return item;
    }

    static List<Sample> samples(Map<String, AttributeValue> item) {
        return DeflatedSamples.decode(item.get(SAMPLES), "latest samples " + item.get(TENANT).s() + " / " + item.get(KEY).s());
    }

    static long version(Map<String, AttributeValue> item) {
        return Long.parseLong(item.get(VERSION).n());
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
