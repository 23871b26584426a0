package io.quayside.functions.bench.cost;

import java.nio.charset.StandardCharsets;
import io.quayside.functions.ingest.sqs.SqsMessage;

import java.util.HashMap;
import java.util.Map;

/** A message on the samples queue: the body and the string attributes the agent's publisher sets. */
record QueuedMessage(String messageId, String body, Map<String, String> attributes) {
    static final String TENANT = "tenant";
    static final String BATCH_ID = "batch-id";
    static final String CONTENT_TYPE = "content-type";

    /** As Lambda's event source mapping hands the message to the ingest function. */
    SqsMessage asSqsMessage() {
        Map<String, SqsMessage.Attribute> strings = new HashMap<>();
        attributes.forEach((name, value) -> strings.put(name, new SqsMessage.Attribute(value, "String")));
        return new SqsMessage(messageId, "receipt-" + messageId, body, Map.of("ApproximateReceiveCount", "1"), strings, null,
                "aws:sqs", "arn:aws:sqs:us-east-1:111122223333:quayside-samples", "us-east-1");
    }

    /** What SQS counts towards a request's payload: the body, and each attribute's name, type and value. */
    long payloadBytes() {
        long bytes = body.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            bytes += attribute.getKey().length() + "String".length() + attribute.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }
}
