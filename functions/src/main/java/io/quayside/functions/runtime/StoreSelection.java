package io.quayside.functions.runtime;

import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.functions.store.SeenBatches;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.functions.store.dynamodb.DynamoDbSeenBatches;
import io.quayside.functions.store.dynamodb.DynamoDbStore;
import io.quayside.functions.store.dynamodb.DynamoDbTenants;
import io.quayside.functions.store.dynamodb.DynamoDbWindows;
import io.quayside.functions.store.embedded.EmbeddedSeenBatches;
import io.quayside.functions.store.embedded.EmbeddedStore;
import io.quayside.functions.store.embedded.EmbeddedWindows;
import io.quayside.functions.tenancy.TenantRateLimits;
import io.quayside.functions.tenancy.TenantRegistry;
import io.quayside.functions.tenancy.TenantTokens;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * Gives every store port (tenants included) the adapter {@code quayside.store} names, at startup
 * rather than at build, so one artifact runs embedded and on AWS. Adapters are looked up lazily: the other kind is
 * never built (no state directory on Lambda, no DynamoDB client on a laptop).
 */
@ApplicationScoped
public class StoreSelection {
    enum Kind { EMBEDDED, DYNAMODB }

    @ConfigProperty(name = "quayside.store", defaultValue = "embedded")
    String store;

    @Produces
    @Singleton
    ContainerRegistry registry(Instance<EmbeddedStore> embedded, Instance<DynamoDbStore> dynamodb) {
        return choose(embedded, dynamodb);
    }

    @Produces
    @Singleton
    LatestSamples latest(Instance<EmbeddedStore> embedded, Instance<DynamoDbStore> dynamodb) {
        return choose(embedded, dynamodb);
    }

    @Produces
    @Singleton
    SeriesWindows windows(Instance<EmbeddedWindows> embedded, Instance<DynamoDbWindows> dynamodb) {
        return choose(embedded, dynamodb);
    }

    @Produces
    @Singleton
    SeenBatches seenBatches(Instance<EmbeddedSeenBatches> embedded, Instance<DynamoDbSeenBatches> dynamodb) {
        return choose(embedded, dynamodb);
    }

    @Produces
    @Singleton
    TenantTokens tenantTokens(Instance<TenantRegistry> embedded, Instance<DynamoDbTenants> dynamodb) {
        return choose(embedded, dynamodb);
    }

    @Produces
    @Singleton
    TenantRateLimits tenantRateLimits(Instance<TenantRegistry> embedded, Instance<DynamoDbTenants> dynamodb) {
        return choose(embedded, dynamodb);
    }

    private <T> T choose(Instance<? extends T> embedded, Instance<? extends T> dynamodb) {
        return kind() == Kind.DYNAMODB ? dynamodb.get() : embedded.get();
    }

    /** A misspelt store fails the start, not the first request. */
    void check(@Observes StartupEvent started) {
        kind();
    }

    boolean embedded() {
        return kind() == Kind.EMBEDDED;
    }

    private Kind kind() {
        return switch (store.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> Kind.EMBEDDED;
            case "dynamodb" -> Kind.DYNAMODB;
            default -> throw new IllegalArgumentException("quayside.store (QUAYSIDE_STORE) must be 'embedded' or 'dynamodb', not '"
                    + store + "'");
        };
    }
}
