package io.quayside.functions.store;

/** Batch ids already taken in, so that a batch SQS delivers twice is counted once. */
public interface SeenBatches {
    /** Whether this tenant's batch id was taken in before (and not yet forgotten). */
    boolean seen(String tenant, String batchId);

    /** Remembers the batch id as taken in at {@code at}; forgotten after the ledger's retention. */
    void remember(String tenant, String batchId, java.time.Instant at);
}
