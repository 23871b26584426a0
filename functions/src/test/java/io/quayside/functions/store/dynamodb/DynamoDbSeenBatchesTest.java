package io.quayside.functions.store.dynamodb;

import io.quayside.functions.store.SeenBatches;
import io.quayside.functions.store.SeenBatchesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;

class DynamoDbSeenBatchesTest extends SeenBatchesContract {
    private static DynamoDbClient client;

    @BeforeAll
    static void connect() {
        client = DynamoDbLocal.client(new CapacityMeter());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    protected SeenBatches open(Duration retention) {
        return new DynamoDbSeenBatches(client, DynamoDbLocal.createTables(client).latest(), retention, clock);
    }
}
