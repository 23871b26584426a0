package io.quayside.agent.publish.sqs;

/**
 * One SQS message's worth of a batch.
 *
 * @param batchId the batch's id, or {@code <batchId>.<n>} for the n-th part (from 1) of a batch that had to be split
 * @param body    base64 of the encoded (deflated) batch: SQS bodies are text
 */
public record BatchMessage(String batchId, String tenant, String body) {
}
