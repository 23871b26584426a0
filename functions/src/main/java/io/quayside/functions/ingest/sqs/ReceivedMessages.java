package io.quayside.functions.ingest.sqs;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Received messages in the shape Lambda's event source mapping hands a function, so one ingest logic serves both. */
final class ReceivedMessages {
    static final String EVENT_SOURCE = "aws:sqs";

    private final String queueArn;
    private final String region;

    ReceivedMessages(ConsumerSettings settings) {
        this.queueArn = QueueArn.of(settings.queueUrl(), settings.region());
        this.region = settings.region();
    }

    SqsEvent event(List<Message> messages) {
        return new SqsEvent(messages.stream().map(this::message).toList());
    }

    private SqsMessage message(Message message) {
        Map<String, SqsMessage.Attribute> attributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, attribute(value)));
        return new SqsMessage(message.messageId(), message.receiptHandle(), message.body(), message.attributesAsStrings(),
                attributes, message.md5OfBody(), EVENT_SOURCE, queueArn, region);
    }

    /** Binary attributes keep their type and no string value: Quayside sends none. */
    private static SqsMessage.Attribute attribute(MessageAttributeValue value) {
        return new SqsMessage.Attribute(value.stringValue(), value.dataType());
    }
}
