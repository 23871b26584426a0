package io.quayside.functions.store.dynamodb;

import io.quayside.functions.store.SeenBatches;
import io.quayside.functions.store.SeenBatchesContract;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;

class DynamoDbSeenBatchesTest extends SeenBatchesContract {
    private final DynamoDbClient client = DynamoDbLocal.client();

    @Override
    protected SeenBatches open(Duration retention) {
        return new DynamoDbSeenBatches(client, DynamoDbLocal.createTables(client).latest(), retention, clock);
    }
}
