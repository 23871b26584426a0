package io.quayside.functions.store.dynamodb;

import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.Series;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.model.Labels;
import io.quayside.model.Sample;
import io.quayside.model.TenantName;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Series windows in DynamoDB, written per append and never per sample or series: an append stores
 * one item per time bucket it touches (a chunk, ~7 bytes a sample deflated), so a host's batch
 * costs one write request of about one unit per KB. A selection reads every chunk of the tenant's
 * buckets that overlap its range and keeps what its matchers match: reads grow with the tenant's
 * volume, not with the series selected.
 *
 * <p>What differs from the embedded windows, which keep state per series: samples out of order
 * are detected only within one append (a chunk knows nothing of earlier ones), the series limit is
 * not enforced, and no series is cut to a maximum of samples. Of two samples of one series at one
 * time, a selection returns the one of the earlier chunk. The same samples appended twice (a
 * batch delivered twice) become one item.
 */
public final class DynamoDbWindows implements SeriesWindows {
    private final DynamoDbClient client;
    private final String table;
    private final long retentionMs;
    private final long bucketMs;
    private final Clock clock;
    private final BatchWriter batches;

    /**
     * @param retention how far back selections reach from now; chunks expire (TTL) that long after their newest sample
     * @param bucket    the time span of one partition: a selection queries each bucket it overlaps
     */
    public DynamoDbWindows(DynamoDbClient client, String table, Duration retention, Duration bucket, Clock clock) {
        if (retention.toMillis() <= 0 || bucket.toMillis() <= 0) {
            throw new IllegalArgumentException("window retention and bucket must be positive: " + retention + ", " + bucket);
        }
        this.client = client;
        this.table = table;
        this.retentionMs = retention.toMillis();
        this.bucketMs = bucket.toMillis();
        this.clock = clock;
        this.batches = new BatchWriter(client);
    }

    @Override
    public AppendResult append(String tenant, Collection<Sample> samples) {
        TenantName.check(tenant);
        long oldestKept = clock.millis() - retentionMs + 1;
        Map<Labels, Sample> newest = new HashMap<>();
        TreeMap<Long, List<Sample>> byBucket = new TreeMap<>();
        int outOfOrder = 0;
        for (Sample sample : samples) {
            Sample before = newest.get(sample.labels());
            if (before != null && sample.timestampMs() <= before.timestampMs()) {
                if (!sample.equals(before)) {
                    outOfOrder++;
                }
                continue;
            }
            newest.put(sample.labels(), sample);
            if (sample.timestampMs() >= oldestKept) {
                byBucket.computeIfAbsent(bucketOf(sample.timestampMs()), bucket -> new ArrayList<>()).add(sample);
            }
        }
        List<WriteRequest> writes = new ArrayList<>();
        int appended = 0;
        for (Map.Entry<Long, List<Sample>> bucket : byBucket.entrySet()) {
            List<Sample> chunk = bucket.getValue();
            long newestMs = chunk.stream().mapToLong(Sample::timestampMs).max().orElseThrow();
            for (Map<String, AttributeValue> item : WindowChunks.items(tenant, bucket.getKey(), chunk,
                    Instant.ofEpochMilli(newestMs + retentionMs))) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            appended += chunk.size();
        }
        batches.write(table, writes);
        return new AppendResult(appended, outOfOrder, 0);
    }

    @Override
    public List<Series> select(String tenant, List<LabelMatcher> matchers, long minTimeMs, long maxTimeMs) {
        long now = clock.millis();
        long from = Math.max(minTimeMs, now - retentionMs + 1);
        // Samples stamped ahead of the clock are read one bucket ahead at most: no selection queries without end.
        long to = Math.min(maxTimeMs, bucketOf(now) + 2 * bucketMs - 1);
        if (from > to) {
            return List.of();
        }
        Map<Labels, Boolean> matching = new HashMap<>();
        Map<Labels, TreeMap<Long, Double>> series = new TreeMap<>();
        for (long bucket = bucketOf(from); bucket <= to; bucket += bucketMs) {
            for (Map<String, AttributeValue> item : chunks(tenant, bucket, to)) {
                for (Sample sample : WindowChunks.samples(item)) {
                    long t = sample.timestampMs();
                    if (t >= from && t <= to
                            && matching.computeIfAbsent(sample.labels(), labels -> LabelMatcher.matchAll(matchers, labels))) {
                        series.computeIfAbsent(sample.labels(), labels -> new TreeMap<>()).putIfAbsent(t, sample.value());
                    }
                }
            }
        }
        List<Series> out = new ArrayList<>(series.size());
        series.forEach((labels, samples) -> out.add(toSeries(labels, samples)));
        return out;
    }

    /**
     * The bucket's chunks that begin by {@code maxTimeMs}, in time order. Eventually consistent:
     * half the price of a strong read, and selections look back over minutes, not milliseconds.
     */
    private Iterable<Map<String, AttributeValue>> chunks(String tenant, long bucket, long maxTimeMs) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(false);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":partition", AttributeValue.fromS(WindowChunks.partition(tenant, bucket)));
        if (maxTimeMs < bucket + bucketMs - 1) {
            values.put(":after", AttributeValue.fromS(WindowChunks.orderedTime(maxTimeMs + 1)));
            query.keyConditionExpression("#partition = :partition AND #chunk < :after")
                    .expressionAttributeNames(Map.of("#partition", WindowChunks.PARTITION, "#chunk", WindowChunks.KEY));
        } else {
            query.keyConditionExpression("#partition = :partition")
                    .expressionAttributeNames(Map.of("#partition", WindowChunks.PARTITION));
        }
        return client.queryPaginator(query.expressionAttributeValues(values).build()).items();
    }

    private long bucketOf(long timeMs) {
        return Math.floorDiv(timeMs, bucketMs) * bucketMs;
    }

    private static Series toSeries(Labels labels, TreeMap<Long, Double> samples) {
        long[] timestamps = new long[samples.size()];
        double[] values = new double[samples.size()];
        int i = 0;
        for (Map.Entry<Long, Double> sample : samples.entrySet()) {
            timestamps[i] = sample.getKey();
            values[i++] = sample.getValue();
        }
        return new Series(labels, timestamps, values);
    }
}
