package io.quayside.functions.store.dynamodb;

import io.quayside.model.Sample;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Window chunks as items of the windows table: the samples one append gave one time bucket, in the
 * batch codec's deflated form. The hash key {@code <tenant>#<bucket start ms>} spreads a tenant's
 * writes over one partition per bucket; the range key {@code <first sample time>#<64 bits of SHA-256>} orders a
 * bucket's chunks by time and makes the same samples appended twice one item.
 */
final class WindowChunks {
    static final String PARTITION = "tenant_bucket";
    static final String KEY = "chunk";
    static final String SAMPLES = "samples";
    static final String EXPIRES_AT = "expires_at";
    /** Well under DynamoDB's 400 KB item limit, leaving room for keys and attribute names. */
    static final int MAX_CHUNK_BYTES = 350_000;

    private WindowChunks() {
    }

    static String partition(String tenant, long bucketStartMs) {
        return tenant + "#" + bucketStartMs;
    }

    /** Sixteen hex digits with the sign bit flipped: strings that sort as the times do, negative ones too. */
    static String orderedTime(long timeMs) {
        return String.format("%016x", timeMs ^ Long.MIN_VALUE);
    }

    /**
     * Items holding {@code samples} (all of one bucket), split in halves until each fits an item.
     *
     * @param expiresAt when DynamoDB's TTL may delete them
     */
    static List<Map<String, AttributeValue>> items(String tenant, long bucketStartMs, List<Sample> samples, Instant expiresAt) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        addItems(tenant, bucketStartMs, samples, expiresAt, items);
        return items;
    }

    private static void addItems(String tenant, long bucketStartMs, List<Sample> samples, Instant expiresAt,
                                 List<Map<String, AttributeValue>> out) {
        byte[] encoded = DeflatedSamples.encode(tenant, samples);
        if (encoded.length > MAX_CHUNK_BYTES && samples.size() > 1) {
            int half = samples.size() / 2;
            addItems(tenant, bucketStartMs, samples.subList(0, half), expiresAt, out);
            addItems(tenant, bucketStartMs, samples.subList(half, samples.size()), expiresAt, out);
            return;
        }
        long first = samples.stream().mapToLong(Sample::timestampMs).min().orElseThrow();
        out.add(Map.of(
                PARTITION, AttributeValue.fromS(partition(tenant, bucketStartMs)),
                KEY, AttributeValue.fromS(orderedTime(first) + "#" + Sha256.hex(encoded, 8)),
                SAMPLES, DeflatedSamples.attribute(encoded),
                EXPIRES_AT, EpochSeconds.ttl(expiresAt)));
    }

    static List<Sample> samples(Map<String, AttributeValue> item) {
        return DeflatedSamples.decode(item.get(SAMPLES), "window chunk " + item.get(PARTITION).s() + " / " + item.get(KEY).s());
    }
}
