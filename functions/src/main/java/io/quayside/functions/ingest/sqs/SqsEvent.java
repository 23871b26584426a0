package io.quayside.functions.ingest.sqs;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** What an SQS event source mapping hands a Lambda function: up to its batch size of messages. */
public record SqsEvent(@JsonProperty("Records") List<SqsMessage> records) {
    public SqsEvent {
        records = records == null ? List.of() : List.copyOf(records);
    }
}
