package io.quayside.functions.store.dynamodb;

import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Latest samples and family metadata as items of the latest table. A sample's range key is
 * {@code sample#<container id>#<labels>}, so one container's series are one key range; families
 * are {@code family#<name>}.
 */
final class LatestItems {
    static final String TENANT = "tenant";
    static final String KEY = "series";
    static final String CONTAINER_ID = "container_id";
    static final String TIMESTAMP_MS = "timestamp_ms";
    static final String FAMILY_PREFIX = "family#";
    /** DynamoDB's limit for a range key; longer label sets are keyed by their digest instead. */
    private static final int MAX_KEY_BYTES = 1024;

    private LatestItems() {
    }

    /** The key prefix of the container's series; ids may hold '#', so queries also match {@link #CONTAINER_ID}. */
    static String seriesPrefix(String containerId) {
        return "sample#" + containerId + "#";
    }

    static String seriesKey(String containerId, Labels labels) {
        String key = seriesPrefix(containerId) + labels;
        return key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES
                ? key : seriesPrefix(containerId) + "sha256:" + Sha256.hex(labels.toString().getBytes(StandardCharsets.UTF_8), 32);
    }

    static Map<String, AttributeValue> key(String tenant, String series) {
        return Map.of(TENANT, AttributeValue.fromS(tenant), KEY, AttributeValue.fromS(series));
    }

    static Map<String, AttributeValue> item(String tenant, String containerId, Sample sample) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenant, seriesKey(containerId, sample.labels())));
        item.put(CONTAINER_ID, AttributeValue.fromS(containerId));
        Map<String, AttributeValue> labels = new HashMap<>();
        sample.labels().toMap().forEach((name, value) -> labels.put(name, AttributeValue.fromS(value)));
        item.put("labels", AttributeValue.fromM(labels));
        // A string, because DynamoDB numbers hold neither NaN nor infinities; Double.toString round-trips exactly.
        item.put("value", AttributeValue.fromS(Double.toString(sample.value())));
        item.put(TIMESTAMP_MS, AttributeValue.fromN(Long.toString(sample.timestampMs())));
        return item;
    }

    static Sample sample(Map<String, AttributeValue> item) {
        Labels.Builder labels = Labels.builder();
        item.get("labels").m().forEach((name, value) -> labels.add(name, value.s()));
        return new Sample(labels.build(), Double.parseDouble(item.get("value").s()), Long.parseLong(item.get(TIMESTAMP_MS).n()));
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
