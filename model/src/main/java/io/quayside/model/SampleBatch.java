package io.quayside.model;

import java.util.List;
import java.util.Objects;

/**
 * What a node agent sends every interval for one tenant: the samples of one sweep and the
 * metadata of their families.
 *
 * @param batchId      unique per batch, so consumers can drop duplicate deliveries
 * @param sentAtMs     when the agent sent it, milliseconds since the epoch
 * @param families     type and help of each metric family present in {@code samples}
 */
public record SampleBatch(String batchId, String tenant, String node, String agentVersion, long sentAtMs,
                          List<MetricFamily> families, List<Sample> samples) {
    public SampleBatch {
        requireText(batchId, "batchId");
        TenantName.check(tenant);
        requireText(node, "node");
        agentVersion = agentVersion == null ? "" : agentVersion;
        families = List.copyOf(families == null ? List.of() : families);
        samples = List.copyOf(samples == null ? List.of() : samples);
    }

    private static void requireText(String value, String field) {
        if (Objects.requireNonNull(value, () -> field + " is required").isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
