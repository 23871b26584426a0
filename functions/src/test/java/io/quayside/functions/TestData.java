package io.quayside.functions;

import io.quayside.model.ContainerEvent;
import io.quayside.model.ContainerLabels;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.time.Instant;
import java.util.Map;

/** Events and samples as agents send them. */
public final class TestData {
    private TestData() {
    }

    public static ContainerEvent event(String tenant, String id, ContainerEvent.Kind kind, Instant time) {
        return new ContainerEvent(tenant, "node-1", id, "name-" + id, "busybox:1.36", Map.of("service", "shop"), "runc", kind, time);
    }

    public static Sample sample(String containerId, String metric, double value, long timestampMs) {
        return new Sample(Labels.of(Labels.METRIC_NAME, metric, ContainerLabels.ID, containerId), value, timestampMs);
    }
}
