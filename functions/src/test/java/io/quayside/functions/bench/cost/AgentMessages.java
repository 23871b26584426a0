package io.quayside.functions.bench.cost;

import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A batch as the agent's SQS publisher sends it: base64 of the codec's deflated form, one message
 * when it fits in 240 KiB, else parts {@code <batchId>.1}, {@code .2}, ... each under it (the agent's
 * BatchSplitter, which lives in node-agent, out of this module's reach; halving gives the same sizes).
 */
final class AgentMessages {
    static final int MAX_BODY_CHARS = 240 * 1024;

    private final SampleBatchCodec codec = new SampleBatchCodec();
    private long sent;

    List<QueuedMessage> of(SampleBatch batch) {
        List<QueuedMessage> out = new ArrayList<>();
        add(batch, batch.batchId(), out);
        return out;
    }

    private void add(SampleBatch batch, String batchId, List<QueuedMessage> out) {
        String body = Base64.getEncoder().encodeToString(codec.encode(batch));
        if (body.length() > MAX_BODY_CHARS && batch.samples().size() > 1) {
            int half = batch.samples().size() / 2;
            add(part(batch, batchId + ".1", 0, half), batchId + ".1", out);
            add(part(batch, batchId + ".2", half, batch.samples().size()), batchId + ".2", out);
            return;
        }
        out.add(new QueuedMessage("m-" + (++sent), body, Map.of(QueuedMessage.TENANT, batch.tenant(),
                QueuedMessage.BATCH_ID, batchId, QueuedMessage.CONTENT_TYPE, SampleBatchCodec.MEDIA_TYPE)));
    }

    private static SampleBatch part(SampleBatch batch, String batchId, int from, int to) {
        return new SampleBatch(batchId, batch.tenant(), batch.node(), batch.agentVersion(), batch.sentAtMs(),
                batch.families(), batch.samples().subList(from, to));
    }
}
