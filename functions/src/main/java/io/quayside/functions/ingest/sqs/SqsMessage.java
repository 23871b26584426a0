package io.quayside.functions.ingest.sqs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * One message of an {@link SqsEvent}, in Lambda's field names.
 *
 * @param attributes        SQS system attributes ({@code ApproximateReceiveCount}, {@code SentTimestamp}, ...)
 * @param messageAttributes what the sender attached: the agent names {@code tenant}, {@code batch-id}, {@code content-type}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SqsMessage(String messageId, String receiptHandle, String body, Map<String, String> attributes,
                         Map<String, Attribute> messageAttributes, String md5OfBody, String eventSource,
                         @JsonProperty("eventSourceARN") String eventSourceArn, String awsRegion) {
    public SqsMessage {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        messageAttributes = messageAttributes == null ? Map.of() : Map.copyOf(messageAttributes);
    }

    /** A message attribute's string value, or null when the sender did not attach it. */
    public String attribute(String name) {
        Attribute attribute = messageAttributes.get(name);
        return attribute == null ? null : attribute.stringValue();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attribute(String stringValue, String dataType) {
    }
}
