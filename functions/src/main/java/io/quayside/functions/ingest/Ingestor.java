package io.quayside.functions.ingest;

import io.quayside.functions.store.LatestSamples;
import io.quayside.model.ContainerLabels;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Takes in a batch: each container's series keep their newest sample. */
public final class Ingestor {
    private final LatestSamples latest;

    public Ingestor(LatestSamples latest) {
        this.latest = latest;
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
        byContainer.forEach((containerId, samples) -> latest.merge(batch.tenant(), containerId, samples));
        return new IngestResult(batch.batchId(), batch.tenant(), batch.samples().size() - withoutContainer,
                withoutContainer, byContainer.size());
    }
}
