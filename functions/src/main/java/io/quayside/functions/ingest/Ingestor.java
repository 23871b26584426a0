package io.quayside.functions.ingest;

import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.model.ContainerLabels;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes in a batch: every series' window gets its samples (what rules and queries read), and each
 * container's series keep their newest sample (what a scrape returns).
 */
public final class Ingestor {
    private final LatestSamples latest;
    private final ContainerRegistry registry;
    private final SeriesWindows windows;

    /** @param registry told when each container was last heard of, so that one that falls silent turns stale */
    public Ingestor(LatestSamples latest, ContainerRegistry registry, SeriesWindows windows) {
        this.latest = latest;
        this.registry = registry;
        this.windows = windows;
    }

    public IngestResult ingest(SampleBatch batch) {
        Map<String, List<Sample>> byContainer = new HashMap<>();
        int withoutContainer = 0;
        for (Sample sample : batch.samples()) {
            String containerId = sample.labels().get(ContainerLabels.ID);
            if (containerId == null || containerId.isEmpty()) {
                withoutContainer++;
            } else {
                byContainer.computeIfAbsent(containerId, id -> new ArrayList<>()).add(sample);
            }
        }
        latest.describe(batch.tenant(), batch.families());
        Instant sentAt = Instant.ofEpochMilli(batch.sentAtMs());
        latest.mergeBatch(batch.tenant(), batch.node(), byContainer);
        byContainer.keySet().forEach(containerId -> registry.touch(batch.tenant(), containerId, sentAt));
        SeriesWindows.AppendResult appended = windows.append(batch.tenant(), batch.samples());
        return new IngestResult(batch.batchId(), batch.tenant(), batch.samples().size() - withoutContainer,
                withoutContainer, byContainer.size(), appended.outOfOrder(), appended.seriesLimit());
    }
}
