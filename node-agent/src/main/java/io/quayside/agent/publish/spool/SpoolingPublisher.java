package io.quayside.agent.publish.spool;

import io.quayside.agent.publish.PublishException;
import io.quayside.agent.publish.Publisher;
import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps batches that cannot be delivered now on disk, and delivers them, oldest first, before any
 * newer batch: while any wait, a new batch joins the end of the spool, so the receiver sees batches
 * in the order they were made. A batch the receiver refuses is not spooled: it would be refused
 * again. Events pass straight through: the agent loop keeps its own pending events.
 */
public final class SpoolingPublisher implements Publisher {
    private static final Logger LOG = Logger.getLogger(SpoolingPublisher.class.getName());

    private final Publisher delegate;
    private final BatchSpool spool;
    private final int replayLimit;
    private final Object lock = new Object();

    /**
     * @param replayLimit spooled batches sent per publish at the most, so that after a long outage the
     *                    backlog drains over several intervals instead of holding up one
     */
    public SpoolingPublisher(Publisher delegate, BatchSpool spool, int replayLimit) {
        if (replayLimit < 1) {
            throw new IllegalArgumentException("replayLimit must be at least 1: " + replayLimit);
        }
        this.delegate = delegate;
        this.spool = spool;
        this.replayLimit = replayLimit;
    }

    /**
     * @return the bytes sent by this call, replayed batches included; 0 when the batch was spooled
     * @throws PublishException when the receiver refused the batch, or it could not be spooled
     */
    @Override
    public int publish(SampleBatch batch) throws PublishException {
        synchronized (lock) {
            Replay replay = replay();
            if (replay.drained()) {
                try {
                    return replay.bytes() + delegate.publish(batch);
                } catch (PublishException e) {
                    if (!e.retryable()) {
                        throw e;
                    }
                    LOG.warning("spooling batch " + batch.batchId() + ": " + e.getMessage());
                }
            }
            spool(batch);
            return replay.bytes();
        }
    }

    @Override
    public void publish(ContainerEvent event) throws PublishException {
        delegate.publish(event);
    }

    /** Batches waiting, for a gauge. */
    public int depth() {
        return spool.depth();
    }

    /** Bytes waiting, for a gauge. */
    public long bytes() {
        return spool.bytes();
    }

    private record Replay(int bytes, boolean drained) {
    }

    private Replay replay() {
        int bytes = 0;
        for (int sent = 0; sent < replayLimit; ) {
            Optional<BatchSpool.Spooled> oldest = spool.oldest();
            if (oldest.isEmpty()) {
                return new Replay(bytes, true);
            }
            Optional<SampleBatch> batch = spool.read(oldest.get());
            if (batch.isEmpty()) {
                continue;
            }
            try {
                bytes += delegate.publish(batch.get());
                spool.remove(oldest.get());
                sent++;
            } catch (PublishException e) {
                if (e.retryable()) {
                    return new Replay(bytes, false);
                }
                spool.drop(oldest.get(), DropReason.REFUSED, e.getMessage());
            }
        }
        return new Replay(bytes, spool.oldest().isEmpty());
    }

    private void spool(SampleBatch batch) throws PublishException {
        try {
            spool.add(batch);
        } catch (IOException e) {
            throw new PublishException("cannot spool batch " + batch.batchId() + ": " + e.getMessage(), true, e);
        }
    }
}
