package io.quayside.functions.store.dynamodb;

import io.quayside.functions.ingest.Ingestor;
import io.quayside.functions.store.Container;
import io.quayside.model.ContainerEvent;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one host's batch costs in DynamoDB requests and capacity units, counted (not timed) on
 * DynamoDB Local: 50 containers of 27 series each, ingested by the real {@link Ingestor} every 10 s.
 * Prints the figures the store's README quotes.
 */
class IngestCapacityTest {
    private static final int CONTAINERS = 50;
    private static final int SERIES = 27;
    private static final CapacityMeter METER = new CapacityMeter();
    private static DynamoDbClient client;

    @BeforeAll
    static void connect() {
        client = DynamoDbLocal.client(METER);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void aHostsBatchCostsAFewWritesPerContainerNotOnePerSeries() {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Clock clock = Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC);
        DynamoDbTables tables = DynamoDbLocal.createTables(client);
        DynamoDbStore store = new DynamoDbStore(client, tables, Duration.ofMinutes(1));
        Ingestor ingestor = new Ingestor(store, store, new DynamoDbWindows(client, tables.windows(), Duration.ofHours(1),
                Duration.ofMinutes(1), clock));
        for (int c = 0; c < CONTAINERS; c++) {
            store.put(new Container("t", containerId(c), "app-" + c, "shop:1.4", "node-1", "runc",
                    Map.of("service", "shop"), ContainerEvent.Kind.STARTED, start, start));
        }

        Map<String, CapacityMeter.Tally> before = METER.tallies();
        ingestor.ingest(batch(start.toEpochMilli()));
        Map<String, CapacityMeter.Tally> first = since(before);
        ingestor.ingest(batch(start.toEpochMilli() + 10_000));
        Map<String, CapacityMeter.Tally> steady = since(first, before);

        print("first batch (families too)", first, tables);
        print("each later batch", steady, tables);
        CapacityMeter.Tally latest = steady.get(tables.latest());
        assertThat(latest.writeUnits() + latest.unreportedWrites()).as("latest: at most a few units a container")
                .isLessThanOrEqualTo(3.0 * CONTAINERS);
        assertThat(steady.get(tables.windows()).requests()).as("windows: one request a batch").isEqualTo(1);
        assertThat(steady.get(tables.windows()).writeUnits()).as("windows: ~7 bytes a sample").isLessThanOrEqualTo(20.0);
    }

    private static Map<String, CapacityMeter.Tally> since(Map<String, CapacityMeter.Tally> earlier) {
        Map<String, CapacityMeter.Tally> out = new java.util.TreeMap<>();
        METER.tallies().forEach((table, tally) -> out.put(table, tally.minus(earlier.getOrDefault(table, CapacityMeter.Tally.ZERO))));
        return out;
    }

    private static Map<String, CapacityMeter.Tally> since(Map<String, CapacityMeter.Tally> delta, Map<String, CapacityMeter.Tally> base) {
        Map<String, CapacityMeter.Tally> upToFirst = new java.util.TreeMap<>(base);
        delta.forEach((table, tally) -> upToFirst.merge(table, tally, (a, b) -> new CapacityMeter.Tally(a.readUnits() + b.readUnits(),
                a.writeUnits() + b.writeUnits(), a.requests() + b.requests(), a.unreportedWrites() + b.unreportedWrites())));
        return since(upToFirst);
    }

    private static void print(String what, Map<String, CapacityMeter.Tally> tallies, DynamoDbTables tables) {
        System.out.printf("%s, %d containers x %d series on one host:%n", what, CONTAINERS, SERIES);
        for (String table : List.of(tables.registry(), tables.latest(), tables.windows())) {
            CapacityMeter.Tally tally = tallies.getOrDefault(table, CapacityMeter.Tally.ZERO);
            System.out.printf("  %-9s %5d requests %8.1f write units %6.1f read units %4d condition-refused writes%n",
                    table.substring(table.lastIndexOf('-') + 1), tally.requests(), tally.writeUnits(), tally.readUnits(), tally.unreportedWrites());
        }
    }

    private static String containerId(int c) {
        return String.format("%064x", 0xC0FFEEL * (c + 1));
    }

    /** cAdvisor-like: each container's 27 series labelled id, name, image, node, service. */
    private static SampleBatch batch(long timeMs) {
        List<Sample> samples = new ArrayList<>();
        List<MetricFamily> families = new ArrayList<>();
        for (int m = 0; m < SERIES; m++) {
            String name = "container_metric_" + m + (m % 2 == 0 ? "_total" : "");
            families.add(new MetricFamily(name, m % 2 == 0 ? MetricType.COUNTER : MetricType.GAUGE, "metric " + m));
            for (int c = 0; c < CONTAINERS; c++) {
                Labels labels = Labels.of("__name__", name, "id", containerId(c), "name", "app-" + c, "image", "shop:1.4",
                        "node", "node-1", "service", "shop");
                samples.add(new Sample(labels, m % 2 == 0 ? timeMs / 1000.0 * (c + 1) : (c * 31 + m) % 97 / 97.0, timeMs));
            }
        }
        return new SampleBatch("batch-" + timeMs, "t", "node-1", "test", timeMs, families, samples);
    }
}
