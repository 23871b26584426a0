package io.quayside.functions.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;

/**
 * Writes many items with as few requests as DynamoDB allows: 25 per BatchWriteItem, resending what
 * it leaves unprocessed (under throttling) after a growing pause.
 */
final class BatchWriter {
    private static final int MAX_ITEMS_PER_REQUEST = 25;
    private static final int MAX_ATTEMPTS = 8;
    private static final long FIRST_PAUSE_MS = 25;

    private final DynamoDbClient client;

    BatchWriter(DynamoDbClient client) {
        this.client = client;
    }

    void write(String table, List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += MAX_ITEMS_PER_REQUEST) {
            writeChunk(table, requests.subList(from, Math.min(from + MAX_ITEMS_PER_REQUEST, requests.size())));
        }
    }

    private void writeChunk(String table, List<WriteRequest> chunk) {
        Map<String, List<WriteRequest>> pending = Map.of(table, chunk);
        for (int attempt = 1; ; attempt++) {
            BatchWriteItemResponse response = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException(response.unprocessedItems().get(table).size() + " items of " + table
                        + " still unprocessed after " + MAX_ATTEMPTS + " attempts");
            }
            pending = response.unprocessedItems();
            pause(FIRST_PAUSE_MS << (attempt - 1));
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed items", e);
        }
    }
}
