package io.quayside.functions.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quayside.functions.store.dynamodb.CapacityMeter;
import io.quayside.functions.store.dynamodb.DynamoDbClients;
import io.quayside.functions.store.dynamodb.DynamoDbSeenBatches;
import io.quayside.functions.store.dynamodb.DynamoDbStore;
import io.quayside.functions.store.dynamodb.DynamoDbTables;
import io.quayside.functions.store.dynamodb.DynamoDbTenants;
import io.quayside.functions.store.dynamodb.DynamoDbWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The DynamoDB adapters, built only when {@link StoreSelection} asks for them. Table names come as
 * Terraform hands them to the functions ({@code QUAYSIDE_TABLE_<ROLE>}); region and credentials
 * from the SDK's default chains unless set; the endpoint only for DynamoDB Local.
 */
@ApplicationScoped
public class DynamoDbRuntime {
    @ConfigProperty(name = "quayside.table.registry")
    String registryTable;

    @ConfigProperty(name = "quayside.table.latest")
    String latestTable;

    @ConfigProperty(name = "quayside.table.windows")
    String windowsTable;

    @ConfigProperty(name = "quayside.table.tenants")
    String tenantsTable;

    @ConfigProperty(name = "quayside.dynamodb.endpoint")
    Optional<URI> endpoint;

    @ConfigProperty(name = "quayside.dynamodb.region")
    Optional<String> region;

    @ConfigProperty(name = "quayside.windows.retention", defaultValue = "1h")
    Duration windowRetention;

    @ConfigProperty(name = "quayside.dynamodb.windows.bucket", defaultValue = "1m")
    Duration windowBucket;

    /** Under quayside.discover.stale-after (5 m) with room for a missed batch; each halving of the writes saves ~$13 per 1,000 containers-month. */
    @ConfigProperty(name = "quayside.dynamodb.touch-every", defaultValue = "2m")
    Duration touchEvery;

    @ConfigProperty(name = "quayside.seen-batches.retention", defaultValue = "24h")
    Duration seenRetention;

    @Produces
    @Singleton
    DynamoDbTables tables() {
        return new DynamoDbTables(registryTable, latestTable, windowsTable, tenantsTable);
    }

    /** Counted per table as {@code quayside_dynamodb_capacity_units_total{table,kind}} and {@code quayside_dynamodb_requests_total{table}}. */
    @Produces
    @Singleton
    CapacityMeter capacity(DynamoDbTables tables, MeterRegistry meters) {
        CapacityMeter meter = new CapacityMeter();
        for (String table : List.of(tables.registry(), tables.latest(), tables.windows(), tables.tenants())) {
            count(meters, meter, "quayside.dynamodb.capacity.units", table, "read", tally -> tally.readUnits());
            count(meters, meter, "quayside.dynamodb.capacity.units", table, "write", tally -> tally.writeUnits());
            count(meters, meter, "quayside.dynamodb.requests", table, null, tally -> tally.requests());
            count(meters, meter, "quayside.dynamodb.unreported.writes", table, null, tally -> tally.unreportedWrites());
        }
        return meter;
    }

    private static void count(MeterRegistry meters, CapacityMeter meter, String name, String table, String kind,
                              ToDoubleFunction<CapacityMeter.Tally> value) {
        FunctionCounter.Builder<CapacityMeter> counter = FunctionCounter.builder(name, meter, m -> value.applyAsDouble(m.tally(table)))
                .tag("table", table);
        if (kind != null) {
            counter.tag("kind", kind);
        }
        counter.register(meters);
    }

    @Produces
    @Singleton
    DynamoDbClient client(CapacityMeter meter) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder();
        endpoint.ifPresent(builder::endpointOverride);
        region.map(Region::of).ifPresent(builder::region);
        return DynamoDbClients.metered(builder, meter);
    }

    void closeClient(@Disposes DynamoDbClient client) {
        client.close();
    }

    @Produces
    @Singleton
    @Typed(DynamoDbStore.class)
    DynamoDbStore store(DynamoDbClient client, DynamoDbTables tables) {
        return new DynamoDbStore(client, tables, touchEvery);
    }

    @Produces
    @Singleton
    @Typed(DynamoDbWindows.class)
    DynamoDbWindows windows(DynamoDbClient client, DynamoDbTables tables, Clock clock) {
        return new DynamoDbWindows(client, tables.windows(), windowRetention, windowBucket, clock);
    }

    @Produces
    @Singleton
    @Typed(DynamoDbTenants.class)
    DynamoDbTenants tenants(DynamoDbClient client, DynamoDbTables tables, Clock clock) {
        return new DynamoDbTenants(client, tables.tenants(), clock);
    }

    @Produces
    @Singleton
    @Typed(DynamoDbSeenBatches.class)
    DynamoDbSeenBatches seenBatches(DynamoDbClient client, DynamoDbTables tables, Clock clock) {
        return new DynamoDbSeenBatches(client, tables.latest(), seenRetention, clock);
    }
}
