package io.quayside.functions.store.embedded;

import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.Series;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.model.Sample;
import io.quayside.model.TenantName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Series windows of embedded mode: in memory, logged to {@code tenants/<tenant>/windows.log} at
 * every append, so that a restart (or a crash) keeps the last hour. Logs are compacted in the
 * background once they have doubled.
 */
public final class EmbeddedWindows implements SeriesWindows, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedWindows.class.getName());
    private static final long COMPACTION_FLOOR_BYTES = 4 << 20;
    private static final long COMPACTION_CHECK_MS = 30_000;

    private final Path root;
    private final WindowLimits limits;
    private final Clock clock;
    private final Map<String, TenantWindows> tenants = new ConcurrentHashMap<>();
    private final ScheduledExecutorService compactor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quayside-window-compactor");
        thread.setDaemon(true);
        return thread;
    });

    public EmbeddedWindows(Path stateDir, WindowLimits limits, Clock clock) {
        this.root = stateDir.resolve("tenants");
        this.limits = limits;
        this.clock = clock;
        for (String tenant : existingTenants()) {
            tenant(tenant);
        }
        compactor.scheduleWithFixedDelay(this::compactQuietly, COMPACTION_CHECK_MS, COMPACTION_CHECK_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public AppendResult append(String tenant, Collection<Sample> samples) {
        return samples.isEmpty() ? AppendResult.NONE : tenant(tenant).append(samples, clock.millis());
    }

    @Override
    public List<Series> select(String tenant, List<LabelMatcher> matchers, long minTimeMs, long maxTimeMs) {
        TenantWindows windows = tenants.get(tenant);
        return windows == null ? List.of() : windows.select(matchers, minTimeMs, maxTimeMs);
    }

    /** Compacts every log that has grown enough; exposed for tests and shutdown. */
    public void compact(long floorBytes) {
        tenants.values().forEach(windows -> windows.compactIfGrown(clock.millis(), floorBytes));
    }

    private TenantWindows tenant(String tenant) {
        return tenants.computeIfAbsent(TenantName.check(tenant), t -> {
            TenantWindows windows = new TenantWindows(limits, new WindowLog(root.resolve(t).resolve("windows.log"), t));
            windows.open(clock.millis());
            return windows;
        });
    }

    private List<String> existingTenants() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(dir -> Files.exists(dir.resolve("windows.log")))
                    .map(dir -> dir.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private void compactQuietly() {
        try {
            compact(COMPACTION_FLOOR_BYTES);
        } catch (UncheckedIOException e) {
            LOG.log(Level.WARNING, "window log compaction failed; the log keeps growing until it succeeds", e);
        }
    }

    @Override
    public void close() {
        compactor.shutdown();
        try {
            compactor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tenants.values().forEach(TenantWindows::close);
    }
}
