package io.quayside.functions.store.dynamodb;

import io.quayside.model.Sample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static io.quayside.functions.TestData.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A node's latest samples past one item's size: split into items, written together, shrunk again. Small items stand for 400 KB. */
class DynamoDbLatestNodesTest {
    private static final int MAX_ITEM_BYTES = 2_000;
    private final DynamoDbClient client = DynamoDbLocal.client();
    private DynamoDbTables tables;
    private DynamoDbStore store;

    @BeforeEach
    void createTables() {
        tables = DynamoDbLocal.createTables(client);
        store = new DynamoDbStore(client, tables, Duration.ofMinutes(1), MAX_ITEM_BYTES, System::nanoTime);
    }

    @Test
    void aNodePastOneItemIsSplitAndShrinksWhenItsContainersEnd() {
        store.mergeBatch("t", "node-1", batch(40, 1000, 7));
        assertThat(nodeItems("node-1")).as("split").isGreaterThan(1);
        for (int c = 0; c < 40; c++) {
            assertThat(store.latest("t", id(c))).hasSize(20).contains(sample(id(c), "m0", c * 7, 1000));
        }

        Map<String, List<Sample>> ending = new LinkedHashMap<>();
        IntStream.range(1, 40).forEach(c -> ending.put(id(c), IntStream.range(0, 20)
                .mapToObj(m -> sample(id(c), "m" + m, Sample.STALE_NAN, 2000)).toList()));
        store.mergeBatch("t", "node-1", ending);
        assertThat(nodeItems("node-1")).as("back to one item").isEqualTo(1);
        assertThat(store.latest("t", id(0))).hasSize(20);
        assertThat(store.latest("t", id(1))).isEmpty();
    }

    @Test
    void concurrentBatchesOfASplitNodeKeepTheNewestSamples() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> merges = new ArrayList<>();
            for (int round = 1; round <= 8; round++) {
                int time = round * 1000;
                merges.add(writers.submit(() -> store.mergeBatch("t", "node-1", batch(60, time, time))));
            }
            for (Future<?> merge : merges) {
                merge.get();
            }
        } finally {
            writers.shutdown();
        }
        assertThat(nodeItems("node-1")).isGreaterThan(1);
        for (int c = 0; c < 60; c++) {
            assertThat(store.latest("t", id(c))).hasSize(20).contains(sample(id(c), "m0", c * 8000.0, 8000));
        }
    }

    @Test
    void aNodeReadServesItsContainersForASecondAndOwnWritesAtOnce() {
        AtomicLong nanos = new AtomicLong();
        DynamoDbStore reader = new DynamoDbStore(client, tables, Duration.ofMinutes(1), MAX_ITEM_BYTES, nanos::get);
        store.mergeBatch("t", "node-1", Map.of("a", List.of(sample("a", "cpu", 1, 1000)), "b", List.of(sample("b", "cpu", 1, 1000))));
        assertThat(reader.latest("t", "a")).containsExactly(sample("a", "cpu", 1, 1000));

        store.mergeBatch("t", "node-1", Map.of("a", List.of(sample("a", "cpu", 2, 2000)), "b", List.of(sample("b", "cpu", 2, 2000))));
        nanos.addAndGet(999_000_000);
        assertThat(reader.latest("t", "b")).as("the node as read a moment ago").containsExactly(sample("b", "cpu", 1, 1000));
        nanos.addAndGet(1_000_000);
        assertThat(reader.latest("t", "b")).containsExactly(sample("b", "cpu", 2, 2000));

        reader.mergeBatch("t", "node-1", Map.of("a", List.of(sample("a", "cpu", 3, 3000))));
        assertThat(reader.latest("t", "a")).as("its own write, at once").containsExactly(sample("a", "cpu", 3, 3000));
    }

    @Test
    void aContainerPastOneItemIsRefusedByName() {
        List<Sample> samples = IntStream.range(0, 2000).mapToObj(m -> sample("huge", "m" + m, Math.random(), 1000)).toList();
        assertThatThrownBy(() -> store.mergeBatch("t", "node-1", Map.of("huge", samples)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("container 'huge'").hasMessageContaining("2000 series");
    }

    private long nodeItems(String node) {
        return new TenantQueries(client).withPrefix(tables.latest(), "t", LatestItems.KEY, LatestItems.nodePrefix(node)).count();
    }

    /** {@code containers} containers of 20 series, valued {@code container × factor}, a little each apart. */
    private static Map<String, List<Sample>> batch(int containers, long timeMs, double factor) {
        Map<String, List<Sample>> batch = new LinkedHashMap<>();
        for (int c = 0; c < containers; c++) {
            int container = c;
            batch.put(id(c), IntStream.range(0, 20).mapToObj(m -> sample(id(container), "m" + m, container * factor + m / 1000.0, timeMs)).toList());
        }
        return batch;
    }

    private static String id(int container) {
        return String.format("%064x", 0xC0FFEEL * (container + 1));
    }
}
