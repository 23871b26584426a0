package io.quayside.functions.store.embedded;

import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.Series;
import io.quayside.functions.store.SeriesWindows.AppendResult;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One tenant's series windows and their log. Every method holds the tenant's lock, so the log
 * receives samples in the order the windows took them.
 */
final class TenantWindows {
    /** Selections are cut to their time range anyway, so expired samples need only go now and then. */
    private static final long EVICTION_EVERY_MS = 10_000;

    private final Object lock = new Object();
    private final SeriesByName series = new SeriesByName();
    private final WindowLimits limits;
    private final WindowLog log;
    private long evictedAtMs = Long.MIN_VALUE;
    private long compactedBytes;

    TenantWindows(WindowLimits limits, WindowLog log) {
        this.limits = limits;
        this.log = log;
    }

    /** Replays the log into the windows, dropping what is already past the retention. */
    void open(long nowMs) {
        synchronized (lock) {
            log.open(samples -> appendInMemory(samples));
            evict(nowMs);
            compactedBytes = log.size();
        }
    }

    AppendResult append(Collection<Sample> samples, long nowMs) {
        synchronized (lock) {
            Appended appended = appendInMemory(samples);
            log.append(appended.kept());
            if (nowMs - evictedAtMs >= EVICTION_EVERY_MS) {
                evict(nowMs);
            }
            return appended.result();
        }
    }

    /** Rewrites the log from the windows once it has grown past twice its compacted size (and a floor). */
    void compactIfGrown(long nowMs, long floorBytes) {
        synchronized (lock) {
            if (log.size() > Math.max(floorBytes, 2 * compactedBytes)) {
                log.compact(snapshot(nowMs));
                compactedBytes = log.size();
            }
        }
    }

    void close() {
        synchronized (lock) {
            log.close();
        }
    }

    private Appended appendInMemory(Collection<Sample> samples) {
        List<Sample> kept = new ArrayList<>(samples.size());
        int outOfOrder = 0;
        int overLimit = 0;
        for (Sample sample : samples) {
            SeriesWindow window = series.get(sample.labels());
            if (window == null) {
                if (series.size() >= limits.maxSeriesPerTenant()) {
                    overLimit++;
                    continue;
                }
                window = new SeriesWindow(limits.maxSamplesPerSeries());
                series.put(sample.labels(), window);
            }
            switch (window.append(sample.timestampMs(), sample.value())) {
                case APPENDED -> kept.add(sample);
                case OUT_OF_ORDER -> outOfOrder++;
                case REPEATED -> { }
            }
        }
        return new Appended(kept, new AppendResult(kept.size(), outOfOrder, overLimit));
    }

    List<Series> select(List<LabelMatcher> matchers, long minTimeMs, long maxTimeMs) {
        synchronized (lock) {
            List<Series> out = new ArrayList<>();
            for (Map.Entry<Labels, SeriesWindow> entry : series.matching(matchers)) {
                Series slice = entry.getValue().slice(entry.getKey(), minTimeMs, maxTimeMs);
                if (!slice.isEmpty()) {
                    out.add(slice);
                }
            }
            return out;
        }
    }

    /** Every sample still in a window, for a compacted log. */
    private List<Sample> snapshot(long nowMs) {
        evict(nowMs);
        List<Sample> all = new ArrayList<>();
        series.forEach((labels, window) -> {
            Series slice = window.slice(labels, Long.MIN_VALUE, Long.MAX_VALUE);
            for (int i = 0; i < slice.size(); i++) {
                all.add(new Sample(labels, slice.values()[i], slice.timestamps()[i]));
            }
        });
        return all;
    }

    private void evict(long nowMs) {
        evictedAtMs = nowMs;
        series.evictUpTo(nowMs - limits.retentionMs());
    }

    record Appended(List<Sample> kept, AppendResult result) {
    }
}
