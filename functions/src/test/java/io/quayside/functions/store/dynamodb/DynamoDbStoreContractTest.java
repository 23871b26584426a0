package io.quayside.functions.store.dynamodb;

import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.functions.store.StoreContract;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;

/** The contract against DynamoDB Local in this JVM; every test gets its own tables, shaped as Terraform shapes them. */
class DynamoDbStoreContractTest extends StoreContract {
    private final DynamoDbClient client = DynamoDbLocal.client();
    private DynamoDbStore store;

    @BeforeEach
    void createTables() {
        store = new DynamoDbStore(client, DynamoDbLocal.createTables(client), Duration.ofMinutes(1));
    }

    @Override
    protected ContainerRegistry registry() {
        return store;
    }

    @Override
    protected LatestSamples latest() {
        return store;
    }
}
