package io.quayside.agent.publish.spool;

import io.quayside.agent.publish.PublishException;
import io.quayside.agent.publish.Publisher;
import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A receiver that is up or down as the test says, refuses chosen batches, and keeps what it took. */
final class ScriptedPublisher implements Publisher {
    final List<String> received = new ArrayList<>();
    final Set<String> refused = new HashSet<>();
    boolean reachable = true;

    @Override
    public int publish(SampleBatch batch) throws PublishException {
        if (!reachable) {
            throw new PublishException("unreachable", true, null);
        }
        if (refused.contains(batch.batchId())) {
            throw new PublishException("refused " + batch.batchId(), false, null);
        }
        received.add(batch.batchId());
        return 1;
    }

    @Override
    public void publish(ContainerEvent event) {
        throw new UnsupportedOperationException();
    }
}
