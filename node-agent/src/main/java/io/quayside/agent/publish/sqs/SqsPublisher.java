package io.quayside.agent.publish.sqs;

import io.quayside.agent.hook.EventJson;
import io.quayside.agent.publish.PublishException;
import io.quayside.agent.publish.Publisher;
import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends batches to the samples queue and events to the events queue. A batch body is base64 of its
 * encoded form; its attributes name the content type, the tenant and the batch id, by which
 * consumers drop the duplicates that SQS (at-least-once) and the agent's retries produce.
 */
public final class SqsPublisher implements Publisher {
    public static final String CONTENT_TYPE = "content-type";
    public static final String BATCH_ID = "batch-id";
    public static final String TENANT = "tenant";
    public static final String EVENT_CONTENT_TYPE = "application/json";

    private final SqsClient client;
    private final SqsSettings settings;
    private final BatchSplitter splitter;
    private final BackoffRetry retry;

    public SqsPublisher(SqsClient client, SqsSettings settings, BackoffRetry.Sleeper sleeper) {
        this.client = client;
        this.settings = settings;
        this.splitter = new BatchSplitter(new SampleBatchCodec(), settings.maxBodyChars());
        this.retry = new BackoffRetry(settings.retry(), sleeper, Math::random);
    }

    /**
     * Parts go in order; when one fails for good the exception says so, and the parts before it were
     * delivered: sending the whole batch again is safe, as the parts keep their ids.
     */
    @Override
    public int publish(SampleBatch batch) throws PublishException {
        int bytes = 0;
        for (BatchMessage message : splitter.split(batch)) {
            send(settings.samplesQueue().toString(), message.body(), Map.of(
                    CONTENT_TYPE, text(SampleBatchCodec.MEDIA_TYPE),
                    BATCH_ID, text(message.batchId()),
                    TENANT, text(message.tenant())), "batch " + message.batchId());
            bytes += message.body().length();
        }
        return bytes;
    }

    @Override
    public void publish(ContainerEvent event) throws PublishException {
        send(settings.eventsQueue().toString(), new String(EventJson.write(event), StandardCharsets.UTF_8), Map.of(CONTENT_TYPE, text(EVENT_CONTENT_TYPE), TENANT, text(event.tenant())),
                event.kind() + " event of " + event.containerId());
    }

    private void send(String queueUrl, String body, Map<String, MessageAttributeValue> attributes, String what)
            throws PublishException {
        SendMessageRequest request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body)
                .messageAttributes(attributes).build();
        retry.call(() -> {
            try {
                return client.sendMessage(request);
            } catch (SdkException e) {
                throw SqsFailures.classify(e, what);
            }
        });
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
