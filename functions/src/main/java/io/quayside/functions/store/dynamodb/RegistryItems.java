package io.quayside.functions.store.dynamodb;

import io.quayside.functions.store.Container;
import io.quayside.functions.store.Tombstone;
import io.quayside.model.ContainerEvent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/**
 * Containers and tombstones as items of the registry table. Both live under the tenant, told apart
 * by a prefix of the range key, because a container may reuse the id of a buried one while its
 * tombstone lasts.
 */
final class RegistryItems {
    static final String TENANT = "tenant";
    static final String KEY = "container_id";
    static final String CONTAINER_PREFIX = "container#";
    static final String TOMBSTONE_PREFIX = "tombstone#";
    static final String LAST_SEEN = "last_seen";
    static final String DESTROYED_AT = "destroyed_at";
    /** Whole seconds for DynamoDB's TTL, which deletes up to days late: reads compare the exact expiry. */
    static final String EXPIRES_AT = "expires_at";
    static final String EXPIRES_AT_EXACT = "expires_at_exact";

    private RegistryItems() {
    }

    static Map<String, AttributeValue> containerKey(String tenant, String containerId) {
        return Map.of(TENANT, AttributeValue.fromS(tenant), KEY, AttributeValue.fromS(CONTAINER_PREFIX + containerId));
    }

    static Map<String, AttributeValue> tombstoneKey(String tenant, String containerId) {
        return Map.of(TENANT, AttributeValue.fromS(tenant), KEY, AttributeValue.fromS(TOMBSTONE_PREFIX + containerId));
    }

    static Map<String, AttributeValue> item(Container container) {
        Map<String, AttributeValue> item = new HashMap<>(containerKey(container.tenant(), container.id()));
        item.put("id", AttributeValue.fromS(container.id()));
        item.put("name", AttributeValue.fromS(container.name()));
        item.put("image", AttributeValue.fromS(container.image()));
        item.put("node", AttributeValue.fromS(container.node()));
        item.put("runtime", AttributeValue.fromS(container.runtime()));
        Map<String, AttributeValue> labels = new HashMap<>();
        container.labels().forEach((name, value) -> labels.put(name, AttributeValue.fromS(value)));
        item.put("labels", AttributeValue.fromM(labels));
        item.put("state", AttributeValue.fromS(container.state().name()));
        item.put("updated_at", EpochSeconds.exact(container.updatedAt()));
        item.put(LAST_SEEN, EpochSeconds.exact(container.lastSeen()));
        return item;
    }

    static Container container(Map<String, AttributeValue> item) {
        Map<String, String> labels = new HashMap<>();
        item.get("labels").m().forEach((name, value) -> labels.put(name, value.s()));
        return new Container(item.get(TENANT).s(), item.get("id").s(), item.get("name").s(), item.get("image").s(),
                item.get("node").s(), item.get("runtime").s(), labels, ContainerEvent.Kind.valueOf(item.get("state").s()),
                EpochSeconds.instant(item.get("updated_at")), EpochSeconds.instant(item.get(LAST_SEEN)));
    }

    static Map<String, AttributeValue> item(Tombstone tombstone) {
        Map<String, AttributeValue> item = new HashMap<>(tombstoneKey(tombstone.tenant(), tombstone.containerId()));
        item.put("id", AttributeValue.fromS(tombstone.containerId()));
        item.put(DESTROYED_AT, EpochSeconds.exact(tombstone.destroyedAt()));
        item.put(EXPIRES_AT, EpochSeconds.ttl(tombstone.expiresAt()));
        item.put(EXPIRES_AT_EXACT, EpochSeconds.exact(tombstone.expiresAt()));
        return item;
    }

    static Tombstone tombstone(Map<String, AttributeValue> item) {
        return new Tombstone(item.get(TENANT).s(), item.get("id").s(), EpochSeconds.instant(item.get(DESTROYED_AT)),
                EpochSeconds.instant(item.get(EXPIRES_AT_EXACT)));
    }
}
