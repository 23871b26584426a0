package io.quayside.functions.store.dynamodb;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.functions.store.SeenBatches;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.functions.tenancy.TenantRateLimits;
import io.quayside.functions.tenancy.TenantTokens;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The runtime with {@code quayside.store=dynamodb}, on DynamoDB Local: every port gets its DynamoDB
 * adapter (tenants too: the requests below pass the guard through the tenants table), an event and
 * a batch taken in over HTTP are served back from the tables, and the capacity they cost shows on
 * {@code /q/metrics}.
 */
@QuarkusTest
@TestProfile(DynamoDbRuntimeTest.OnDynamoDb.class)
class DynamoDbRuntimeTest {
    public static class OnDynamoDb implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalTables.class));
        }
    }

    /** DynamoDB Local and a fresh set of tables, named to the runtime as Terraform names them (QUAYSIDE_TABLE_*). */
    public static class LocalTables implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            DynamoDbTables tables = DynamoDbLocal.createTables(DynamoDbLocal.client());
            // The SDK's default chain reads these; DynamoDB Local accepts any.
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
            return Map.of("quayside.store", "dynamodb",
                    "quayside.dynamodb.endpoint", DynamoDbLocal.endpoint().toString(),
                    "quayside.dynamodb.region", "us-east-1",
                    "quayside.table.registry", tables.registry(),
                    "quayside.table.latest", tables.latest(),
                    "quayside.table.windows", tables.windows(),
                    "quayside.table.tenants", tables.tenants());
        }

        @Override
        public void stop() {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Inject
    ContainerRegistry registry;
    @Inject
    LatestSamples latest;
    @Inject
    SeriesWindows windows;
    @Inject
    SeenBatches seenBatches;
    @Inject
    TenantTokens tenantTokens;
    @Inject
    TenantRateLimits tenantRateLimits;
    @Inject
    CapacityMeter capacity;
    @Inject
    DynamoDbTables tables;

    @Test
    void everyPortIsServedFromDynamoDb() {
        assertThat(List.of(registry, latest)).allSatisfy(port -> assertThat(port).isInstanceOf(DynamoDbStore.class));
        assertThat(windows).isInstanceOf(DynamoDbWindows.class);
        assertThat(seenBatches).isInstanceOf(DynamoDbSeenBatches.class);
        assertThat(List.of(tenantTokens, tenantRateLimits)).allSatisfy(port -> assertThat(port).isInstanceOf(DynamoDbTenants.class));
        assertThat(tenantTokens.tenantOf("test-token")).as("quayside.local-token, registered at start").contains("local");
    }

    @Test
    void whatIsTakenInOverHttpIsServedFromTheTablesAndItsCostCounted() {
        String id = "c-" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        given().header("Authorization", "Bearer test-token").contentType("application/json").body("""
                        {"tenant":"local","node":"node-1","containerId":"%s","name":"web","image":"busybox:1.36",
                         "labels":{},"runtime":"runc","kind":"started","time":"%s"}""".formatted(id, Instant.ofEpochMilli(now)))
                .post("/v1/events").then().statusCode(200);
        MetricFamily memory = new MetricFamily("container_memory_usage_bytes", MetricType.GAUGE, "memory");
        SampleBatch batch = new SampleBatch(UUID.randomUUID().toString(), "local", "node-1", "test", now, List.of(memory),
                List.of(new Sample(Labels.of("__name__", memory.name(), "id", id), 4096, now)));
        given().header("Authorization", "Bearer test-token").contentType(SampleBatchCodec.MEDIA_TYPE)
                .body(new SampleBatchCodec().encode(batch)).post("/v1/ingest").then().statusCode(200);

        given().header("Authorization", "Bearer test-token").get("/v1/local/containers/" + id + "/metrics")
                .then().statusCode(200).body(containsString("container_memory_usage_bytes{id=\"" + id + "\"} 4096"));
        assertThat(registry.find("local", id)).isPresent();
        assertThat(capacity.tally(tables.windows()).writeUnits()).isPositive();
        assertThat(capacity.tally(tables.latest()).requests()).isPositive();
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("quayside_dynamodb_capacity_units_total{kind=\"write\",table=\"" + tables.windows() + "\"}"))
                .body(containsString("quayside_dynamodb_requests_total{table=\"" + tables.registry() + "\"}"));
    }
}
