package io.quayside.functions.store.embedded;

import io.quayside.functions.store.Container;
import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.functions.store.Tombstone;
import io.quayside.model.ContainerLabels;
import io.quayside.model.MetricFamily;
import io.quayside.model.Sample;
import io.quayside.model.TenantName;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The store of embedded mode: memory first, persisted to a state directory. Registry changes and
 * tombstones are written at once (they are rare and must not be lost); latest samples and the
 * last-seen times of touches are written behind, at most once per flush interval per tenant, and on
 * close, so a restart keeps all of them.
 */
public final class EmbeddedStore implements ContainerRegistry, LatestSamples, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedStore.class.getName());

    private final StateDirectory directory;
    private final Map<String, TenantState> tenants = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    public EmbeddedStore(StateDirectory directory, long flushIntervalMs) {
        this.directory = directory;
        for (String tenant : directory.tenants()) {
            TenantState state = tenant(tenant);
            directory.readContainers(tenant).forEach(state::putContainer);
            directory.readTombstones(tenant).forEach(state::putTombstone);
            directory.readSamples(tenant).ifPresent(snapshot -> {
                state.describe(snapshot.families());
                snapshot.samples().stream()
                        .filter(sample -> sample.labels().get(ContainerLabels.ID) != null)
                        .collect(Collectors.groupingBy(sample -> sample.labels().get(ContainerLabels.ID)))
                        .forEach(state::merge);
                state.takeSnapshotIfDirty();
            });
        }
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "quayside-store-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, flushIntervalMs, flushIntervalMs, TimeUnit.MILLISECONDS);
    }

    private TenantState tenant(String tenant) {
        return tenants.computeIfAbsent(TenantName.check(tenant), t -> new TenantState());
    }

    private Optional<TenantState> existing(String tenant) {
        return Optional.ofNullable(tenants.get(tenant));
    }

    @Override
    public void put(Container container) {
        List<Container> all = tenant(container.tenant()).putContainer(container);
        directory.writeContainers(container.tenant(), all);
    }

    /** Writes the tombstones before the registry: a crash in between leaves a container that the next destroy removes. */
    @Override
    public void bury(Tombstone tombstone, Instant now) {
        TenantState.Burial burial = tenant(tombstone.tenant()).bury(tombstone, now);
        burial.tombstones().ifPresent(kept -> directory.writeTombstones(tombstone.tenant(), kept));
        burial.containers().ifPresent(remaining -> directory.writeContainers(tombstone.tenant(), remaining));
    }

    @Override
    public Optional<Tombstone> tombstone(String tenant, String containerId, Instant now) {
        return existing(tenant).flatMap(state -> state.tombstone(containerId, now));
    }

    @Override
    public void touch(String tenant, String containerId, Instant seenAt) {
        existing(tenant).ifPresent(state -> state.touch(containerId, seenAt));
    }

    @Override
    public Optional<Container> find(String tenant, String containerId) {
        return existing(tenant).flatMap(state -> state.container(containerId));
    }

    @Override
    public List<Container> list(String tenant) {
        return existing(tenant).map(TenantState::containers).orElse(List.of());
    }

    @Override
    public void merge(String tenant, String containerId, Collection<Sample> samples) {
        tenant(tenant).merge(containerId, samples);
    }

    @Override
    public void describe(String tenant, Collection<MetricFamily> families) {
        tenant(tenant).describe(families);
    }

    @Override
    public List<Sample> latest(String tenant, String containerId) {
        return existing(tenant).map(state -> state.latest(containerId)).orElse(List.of());
    }

    @Override
    public Map<String, MetricFamily> families(String tenant) {
        return existing(tenant).map(TenantState::families).orElse(Map.of());
    }

    @Override
    public void drop(String tenant, String containerId) {
        existing(tenant).ifPresent(state -> state.drop(containerId));
    }

    /** Writes every tenant's changed samples and touched containers now. */
    public void flush() {
        tenants.forEach((tenant, state) -> {
            writeOrKeepDirty(state.takeContainersIfDirty(), containers -> directory.writeContainers(tenant, containers),
                    state::markContainersDirty);
            writeOrKeepDirty(state.takeSnapshotIfDirty(), snapshot -> directory.writeSamples(tenant, snapshot),
                    state::markSamplesDirty);
        });
    }

    private static <T> void writeOrKeepDirty(Optional<T> changed, Consumer<T> write, Runnable keepDirty) {
        changed.ifPresent(value -> {
            try {
                write.accept(value);
            } catch (UncheckedIOException e) {
                keepDirty.run();
                throw e;
            }
        });
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (UncheckedIOException e) {
            LOG.log(Level.WARNING, "could not persist latest samples; will retry", e);
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
