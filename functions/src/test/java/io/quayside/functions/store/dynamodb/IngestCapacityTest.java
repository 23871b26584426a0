package io.quayside.functions.store.dynamodb;

import io.quayside.functions.ingest.Ingestor;
import io.quayside.functions.store.Container;
import io.quayside.model.ContainerEvent;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private static final CapacityMeter METER = DynamoDbLocal.meter();
    private final DynamoDbClient client = DynamoDbLocal.client();

    @Test
    void aHostsBatchCostsAFewWritesNotOnePerContainerOrSeries() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Clock clock = Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC);
        DynamoDbTables tables = DynamoDbLocal.createTables(client);
        DynamoDbStore store = new DynamoDbStore(client, tables, Duration.ofMinutes(1));
        Ingestor ingestor = new Ingestor(store, store, new DynamoDbWindows(client, tables.windows(), Duration.ofHours(1),
                Duration.ofMinutes(1), clock));
        for (int c = 0; c < CONTAINERS; c++) {
            store.put(new Container("t", containerId(c), "app-" + c, "shop:1.4", "node-1", "runc",
                    Map.of("service", "shop"), ContainerEvent.Kind.STARTED, start, start));
        }

        Map<String, CapacityMeter.Tally> first = costOf(tables, () -> ingestor.ingest(batch(start.toEpochMilli())));
        Map<String, CapacityMeter.Tally> later = costOf(tables, () -> ingestor.ingest(batch(start.toEpochMilli() + 10_000)));

        print("first batch (families too)", first);
        print("each later batch", later);
        CapacityMeter.Tally latest = later.get("latest");
        assertThat(latest.requests()).as("latest: one read and one write a batch").isEqualTo(2);
        assertThat(latest.writeUnits() + latest.unreportedWrites()).as("latest: the node's samples deflated, a few units")
                .isLessThanOrEqualTo(20.0);
        assertThat(later.get("windows").requests()).as("windows: one request a batch").isEqualTo(1);
        assertThat(later.get("windows").writeUnits()).as("windows: ~7 bytes a sample").isLessThanOrEqualTo(20.0);
    }

    /** What {@code ingest} cost, by table role. */
    private static Map<String, CapacityMeter.Tally> costOf(DynamoDbTables tables, Runnable ingest) {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("registry", tables.registry());
        roles.put("latest", tables.latest());
        roles.put("windows", tables.windows());
        Map<String, CapacityMeter.Tally> before = new LinkedHashMap<>();
        roles.forEach((role, table) -> before.put(role, METER.tally(table)));
        ingest.run();
        Map<String, CapacityMeter.Tally> cost = new LinkedHashMap<>();
        roles.forEach((role, table) -> cost.put(role, METER.tally(table).minus(before.get(role))));
        return cost;
    }

    private static void print(String what, Map<String, CapacityMeter.Tally> cost) {
        System.out.printf("%s, %d containers x %d series on one host:%n", what, CONTAINERS, SERIES);
        cost.forEach((role, tally) -> System.out.printf("  %-9s %5d requests %8.1f write units %6.1f read units %4d condition-refused writes%n",
                role, tally.requests(), tally.writeUnits(), tally.readUnits(), tally.unreportedWrites()));
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
