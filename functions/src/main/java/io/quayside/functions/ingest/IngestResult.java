package io.quayside.functions.ingest;

/**
 * What became of a batch.
 *
 * @param accepted          samples kept as their container's latest
 * @param withoutContainer  samples that name no container (no {@code id} label): windowed, not served by scrapes
 * @param containers        how many containers the batch updated
 * @param outOfOrder        samples older than their series' window already held, left out of it
 * @param overSeriesLimit   samples of new series refused by the tenant's series limit
 */
public record IngestResult(String batchId, String tenant, int accepted, int withoutContainer, int containers,
                           int outOfOrder, int overSeriesLimit) {
}
