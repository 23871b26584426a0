package io.quayside.agent.publish.sqs;

import io.quayside.agent.publish.PublishException;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Turns a batch into messages no larger than SQS takes. A batch too large for one message becomes
 * parts with consecutive ranges of its samples and ids {@code <batchId>.1}, {@code .2}, ...: the same
 * batch always splits the same way, so a part sent twice (a retry, a replay from the spool) keeps
 * its id and consumers can drop the duplicate.
 */
public final class BatchSplitter {
    /** 240 KiB: SQS takes 256 KiB of body and attributes together. */
    public static final int DEFAULT_MAX_BODY_CHARS = 240 * 1024;

    private final SampleBatchCodec codec;
    private final int maxBodyChars;

    public BatchSplitter(SampleBatchCodec codec, int maxBodyChars) {
        if (maxBodyChars < 1024) {
            throw new IllegalArgumentException("a message body limit under 1 KiB leaves no room for a batch: " + maxBodyChars);
        }
        this.codec = codec;
        this.maxBodyChars = maxBodyChars;
    }

    /** @throws PublishException (not retryable) when even a single sample does not fit in a message */
    public List<BatchMessage> split(SampleBatch batch) throws PublishException {
        String whole = body(batch);
        if (whole.length() <= maxBodyChars) {
            return List.of(new BatchMessage(batch.batchId(), batch.tenant(), whole));
        }
        int samples = batch.samples().size();
        // Deflate ratios vary along a batch, so an even split by size may still leave a part too large: split finer.
        int parts = Math.min(samples, Math.max(2, (whole.length() + maxBodyChars - 1) / maxBodyChars));
        while (samples > 0) {
            Optional<List<BatchMessage>> fitting = inParts(batch, parts);
            if (fitting.isPresent()) {
                return fitting.get();
            }
            if (parts == samples) {
                break;
            }
            parts = Math.min(samples, parts * 2);
        }
        throw new PublishException("batch " + batch.batchId() + " cannot be split under " + maxBodyChars
                + " characters per message: a single sample, or the families alone, exceed it", false, null);
    }

    private Optional<List<BatchMessage>> inParts(SampleBatch batch, int parts) {
        List<Sample> samples = batch.samples();
        List<BatchMessage> messages = new ArrayList<>(parts);
        for (int n = 0; n < parts; n++) {
            // Every part repeats the families: which family a sample belongs to is not known here (histogram suffixes).
            SampleBatch part = new SampleBatch(batch.batchId() + "." + (n + 1), batch.tenant(), batch.node(),
                    batch.agentVersion(), batch.sentAtMs(), batch.families(),
                    samples.subList(samples.size() * n / parts, samples.size() * (n + 1) / parts));
            String body = body(part);
            if (body.length() > maxBodyChars) {
                return Optional.empty();
            }
            messages.add(new BatchMessage(part.batchId(), part.tenant(), body));
        }
        return Optional.of(messages);
    }

    private String body(SampleBatch batch) {
        return Base64.getEncoder().encodeToString(codec.encode(batch));
    }
}
