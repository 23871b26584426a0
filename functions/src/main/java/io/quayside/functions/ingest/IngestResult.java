package io.quayside.functions.ingest;

/**
 * What became of a batch.
 *
 * @param accepted         samples kept
 * @param withoutContainer samples skipped because they name no container (no {@code id} label)
 * @param containers       how many containers the batch updated
 */
public record IngestResult(String batchId, String tenant, int accepted, int withoutContainer, int containers) {
}
