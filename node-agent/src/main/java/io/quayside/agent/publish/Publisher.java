package io.quayside.agent.publish;

import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;

/** Where batches and events go: the functions runtime over HTTP, or a queue. */
public interface Publisher {
    /** @return the bytes sent */
    int publish(SampleBatch batch) throws PublishException;

    void publish(ContainerEvent event) throws PublishException;
}
