package io.quayside.agent.sweep;

import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;

import java.util.List;
import java.util.Map;

/**
 * What one sweep found.
 *
 * @param events     lifecycle changes since the last sweep (and, at each resync, every live container again)
 * @param batches    one per tenant
 * @param readErrors figures that could not be read, by reason
 */
public record SweepResult(List<ContainerEvent> events, List<SampleBatch> batches, Map<String, Integer> readErrors) {
}
