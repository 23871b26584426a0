package io.quayside.functions.store.dynamodb;

import io.quayside.functions.discover.Discovery;
import io.quayside.functions.discover.DiscoverySettings;
import io.quayside.functions.discover.sources.LifecycleEvents;
import io.quayside.functions.discover.sources.TenantMapping;
import io.quayside.functions.gateway.FederationMatch;
import io.quayside.functions.gateway.GatewayAnswer;
import io.quayside.functions.gateway.HttpSdTargets;
import io.quayside.functions.gateway.LatestExposition;
import io.quayside.functions.ingest.Ingestor;
import io.quayside.functions.promql.PromqlEngine;
import io.quayside.functions.promql.eval.Value;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two independent runtimes (own clients, own adapters, own functions) on one DynamoDB, as two
 * Lambda instances are: what one takes in, the other serves identically, scrape, SD and federation.
 */
class TwoRuntimesOneStoreTest {
    private static final String TENANT = "shop";
    private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0";

    /** What one function instance builds from the tables: nothing shared with another but DynamoDB. */
    private record Runtime(DynamoDbClient client, Discovery discovery, Ingestor ingestor, DynamoDbWindows windows,
                           LatestExposition exposition, DynamoDbStore store) {
        static Runtime on(DynamoDbTables tables, Clock clock) {
            DynamoDbClient client = DynamoDbLocal.newClient(new CapacityMeter());
            DynamoDbStore store = new DynamoDbStore(client, tables, Duration.ofMinutes(1));
            DynamoDbWindows windows = new DynamoDbWindows(client, tables.windows(), Duration.ofHours(1), Duration.ofMinutes(1), clock);
            return new Runtime(client, new Discovery(store, store, DiscoverySettings.defaults(), LifecycleEvents.of(TenantMapping.defaults()), clock),
                    new Ingestor(store, store, windows), windows, new LatestExposition(store, store, 100_000), store);
        }

        String scrape(String accept) {
            return body(exposition.respond(TENANT, exposition.ofTenant(TENANT), accept));
        }

        String federate(String... match) {
            return body(exposition.respond(TENANT, FederationMatch.parse(List.of(match)).filter(exposition.ofTenant(TENANT)), null));
        }

        List<HttpSdTargets.TargetGroup> serviceDiscovery() {
            return HttpSdTargets.of(store.list(TENANT), "gateway.example:8480", discovery::isStale);
        }

        Value query(String promql, long timeMs) {
            return new PromqlEngine(windows.source(TENANT)).instantQuery(promql, timeMs).value();
        }
    }

    @Test
    void whatOneRuntimeTakesInTheOtherServesIdentically() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Clock clock = Clock.fixed(start.plusSeconds(30), ZoneOffset.UTC);
        DynamoDbTables tables = DynamoDbLocal.createTables(DynamoDbLocal.client());
        Runtime writer = Runtime.on(tables, clock);
        Runtime reader = Runtime.on(tables, clock);

        for (String id : List.of("web-1", "web-2", "db-1")) {
            writer.discovery().apply(new ContainerEvent(TENANT, "node-1", id, id, "shop:1.4",
                    Map.of("io.quayside.service", id.substring(0, id.indexOf('-'))), "runc", ContainerEvent.Kind.STARTED, start));
        }
        for (int i = 0; i < 3; i++) {
            long t = start.toEpochMilli() + i * 10_000L;
            writer.ingestor().ingest(new SampleBatch("b" + i, TENANT, "node-1", "test", t,
                    List.of(new MetricFamily("cpu_seconds_total", MetricType.COUNTER, "CPU time"),
                            new MetricFamily("memory_bytes", MetricType.GAUGE, "memory")),
                    List.of(sample("cpu_seconds_total", "web-1", 10 * i, t), sample("cpu_seconds_total", "web-2", 20 * i, t),
                            sample("cpu_seconds_total", "db-1", 30 * i, t), sample("memory_bytes", "db-1", 1e9 + i, t))));
        }

        assertThat(writer.scrape(null)).contains("# TYPE cpu_seconds_total counter", "memory_bytes{id=\"db-1\"} 1000000002 ")
                .isEqualTo(reader.scrape(null));
        assertThat(reader.scrape(OPENMETRICS)).contains("# EOF").isEqualTo(writer.scrape(OPENMETRICS));
        assertThat(reader.federate("{id=~\"web-.*\"}")).contains("cpu_seconds_total{id=\"web-2\"} 40")
                .doesNotContain("db-1").isEqualTo(writer.federate("{id=~\"web-.*\"}"));
        assertThat(reader.serviceDiscovery()).hasSize(3).isEqualTo(writer.serviceDiscovery());
        Value writerRate = writer.query("sum(rate(cpu_seconds_total[1m]))", start.toEpochMilli() + 20_000);
        assertThat(((Value.InstantVector) writerRate).samples()).singleElement()
                .satisfies(sample -> assertThat(sample.value()).as("(20 + 40 + 60) over 60 s, as Prometheus extrapolates").isEqualTo(2.0));
        assertThat(reader.query("sum(rate(cpu_seconds_total[1m]))", start.toEpochMilli() + 20_000)).isEqualTo(writerRate);

        List.of(writer.client(), reader.client()).forEach(DynamoDbClient::close);
    }

    private static Sample sample(String name, String id, double value, long timeMs) {
        return new Sample(Labels.of("__name__", name, "id", id), value, timeMs);
    }

    private static String body(GatewayAnswer answer) {
        return answer.bodyText();
    }
}
