package io.quayside.functions.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quayside.functions.discover.Discovery;
import io.quayside.functions.discover.DiscoverySettings;
import io.quayside.functions.discover.DnsNames;
import io.quayside.functions.discover.QueuedEvents;
import io.quayside.functions.discover.sources.LifecycleEvents;
import io.quayside.functions.discover.sources.TenantMapping;
import io.quayside.functions.evaluate.AlertSink;
import io.quayside.functions.evaluate.LoggedAlerts;
import io.quayside.functions.evaluate.RuleDirectory;
import io.quayside.functions.evaluate.RuleEvaluation;
import io.quayside.functions.rules.eval.ExternalContext;
import io.quayside.functions.sinks.alertmanager.AlertmanagerSink;
import io.quayside.model.Labels;
import io.quayside.functions.ingest.Ingestor;
import io.quayside.functions.ingest.sqs.CountedIntake;
import io.quayside.functions.ingest.sqs.QueuedBatches;
import io.quayside.functions.store.SeenBatches;
import io.quayside.functions.store.embedded.EmbeddedSeenBatches;
import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.functions.store.dynamodb.DynamoDbTenants;
import io.quayside.functions.store.embedded.EmbeddedStore;
import io.quayside.functions.store.embedded.EmbeddedWindows;
import io.quayside.functions.store.embedded.WindowLimits;
import io.quayside.functions.store.embedded.StateDirectory;
import io.quayside.functions.tenancy.LocalTenant;
import io.quayside.functions.tenancy.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Wires the plain-Java functions, the embedded store adapters and the local tenant; which store
 * adapters serve the ports, {@link StoreSelection} decides.
 */
@ApplicationScoped
public class EmbeddedRuntime {
    @ConfigProperty(name = "quayside.state-dir")
    Path stateDir;

    @ConfigProperty(name = "quayside.store.flush-interval-ms", defaultValue = "1000")
    long flushIntervalMs;

    @ConfigProperty(name = "quayside.local-token")
    Optional<String> localToken;

    @Produces
    @Singleton
    @Typed(EmbeddedStore.class)
    EmbeddedStore store(ObjectMapper json) {
        return new EmbeddedStore(new StateDirectory(stateDir, json), flushIntervalMs);
    }

    void closeStore(@Disposes EmbeddedStore store) {
        store.close();
    }

    @ConfigProperty(name = "quayside.windows.retention", defaultValue = "1h")
    Duration windowRetention;

    @ConfigProperty(name = "quayside.windows.max-samples-per-series", defaultValue = "4096")
    int maxSamplesPerSeries;

    @ConfigProperty(name = "quayside.windows.max-series-per-tenant", defaultValue = "100000")
    int maxSeriesPerTenant;

    @Produces
    @Singleton
    @Typed(EmbeddedWindows.class)
    EmbeddedWindows windows() {
        return new EmbeddedWindows(stateDir, new WindowLimits(windowRetention.toMillis(), maxSamplesPerSeries, maxSeriesPerTenant),
                Clock.systemUTC());
    }

    void closeWindows(@Disposes EmbeddedWindows windows) {
        windows.close();
    }

    @ConfigProperty(name = "quayside.seen-batches.retention", defaultValue = "24h")
    Duration seenRetention;

    @ConfigProperty(name = "quayside.seen-batches.max-ids", defaultValue = "100000")
    int maxSeenIds;

    @Produces
    @Singleton
    @Typed(EmbeddedSeenBatches.class)
    EmbeddedSeenBatches seenBatches(Clock clock) {
        return new EmbeddedSeenBatches(seenRetention, maxSeenIds, clock);
    }

    @Produces
    @Singleton
    Ingestor ingestor(LatestSamples latest, ContainerRegistry registry, SeriesWindows windows) {
        return new Ingestor(latest, registry, windows);
    }

    @Produces
    @Singleton
    CountedIntake queuedBatches(Ingestor ingestor, SeenBatches seen, Clock clock, MeterRegistry meters) {
        return new CountedIntake(new QueuedBatches(ingestor, seen, clock), meters);
    }

    @ConfigProperty(name = "quayside.discover.tombstone-ttl", defaultValue = "24h")
    Duration tombstoneTtl;

    @ConfigProperty(name = "quayside.discover.stale-after", defaultValue = "5m")
    Duration staleAfter;

    @ConfigProperty(name = "quayside.discover.dns.zone", defaultValue = "svc.quayside")
    String dnsZone;

    @ConfigProperty(name = "quayside.discover.dns.service-labels",
            defaultValue = "io.quayside.service,com.docker.compose.service,com.amazonaws.ecs.task-definition-family")
    List<String> serviceLabels;

    @Produces
    @Singleton
    Discovery discovery(ContainerRegistry registry, LatestSamples latest, Clock clock) {
        DiscoverySettings settings = new DiscoverySettings(tombstoneTtl, staleAfter, new DnsNames(serviceLabels, dnsZone));
        return new Discovery(registry, latest, settings, LifecycleEvents.of(TenantMapping.defaults()), clock);
    }

    @Produces
    @Singleton
    QueuedEvents queuedEvents(Discovery discovery, ObjectMapper json) {
        return new QueuedEvents(discovery, json);
    }

    @ConfigProperty(name = "quayside.rules.dir")
    Path rulesDir;

    @ConfigProperty(name = "quayside.rules.default-interval", defaultValue = "1m")
    Duration defaultRuleInterval;

    @ConfigProperty(name = "quayside.rules.external-url", defaultValue = "http://127.0.0.1:8480")
    String externalUrl;

    @ConfigProperty(name = "quayside.alertmanager.url")
    Optional<URI> alertmanager;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    RuleEvaluation ruleEvaluation(SeriesWindows windows, @Named("evaluate") AlertSink alerts, Clock clock) {
        Log.infof("rules: %s/<tenant>/*.yml, re-read when they change", rulesDir);
        return new RuleEvaluation(new RuleDirectory(rulesDir), clock, windows, alerts, new ExternalContext(Labels.EMPTY, externalUrl),
                defaultRuleInterval.toMillis());
    }

    /** Where the forward function sends alerts: Alertmanager when one is configured, else the log. */
    @Produces
    @Singleton
    @Named("forward")
    AlertSink forwardSink(ObjectMapper json) {
        return alertmanager.<AlertSink>map(url -> new AlertmanagerSink(url, json, Duration.ofSeconds(10)))
                .orElseGet(LoggedAlerts::new);
    }

    /** Tenants and hashed tokens in {@code tenants.json}, changed by the {@code tenants} command while running. */
    @Produces
    @Singleton
    @Typed(TenantRegistry.class)
    TenantRegistry tenants(Clock clock) {
        return TenantRegistry.open(stateDir, clock);
    }

    /** Off in a Lambda: no local agent calls it, and a generated token must not end up in its log. */
    @ConfigProperty(name = "quayside.local-tenant.enabled", defaultValue = "true")
    boolean localTenant;

    /**
     * Embedded: the local tenant in {@code tenants.json}, generating its token if none is given. On
     * DynamoDB (no writable state directory on Lambda) only a given token is registered.
     */
    void announce(@Observes StartupEvent started, StoreSelection stores, Instance<TenantRegistry> embedded,
                  Instance<DynamoDbTenants> dynamodb) {
        if (!localTenant) {
            return;
        }
        if (!stores.embedded()) {
            localToken.ifPresent(token -> dynamodb.get().register(LocalTenant.TENANT, token, Optional.of("QUAYSIDE_LOCAL_TOKEN")));
            Log.infof("Quayside runtime on DynamoDB: tenants in its tenants table");
            return;
        }
        TenantRegistry tenants = embedded.get();
        Optional<String> generated = LocalTenant.register(tenants, localToken, stateDir);
        Log.infof("Quayside embedded runtime: state in %s, tenants in %s (change them with the 'tenants' command)",
                stateDir, stateDir.resolve(TenantRegistry.FILE));
        generated.ifPresent(token -> Log.infof("tenant '%s': new token %s, shown only now; the local agent's copy is %s",
                LocalTenant.TENANT, token, stateDir.resolve(LocalTenant.TOKEN_FILE)));
    }
}
