package io.quayside.functions.store.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.functions.store.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** The contract against DynamoDB Local in this JVM; every test gets its own tables, shaped as Terraform shapes them. */
class DynamoDbStoreContractTest extends StoreContract {
    private static final AtomicInteger TABLE_SETS = new AtomicInteger();
    private static DynamoDBProxyServer server;
    private static DynamoDbClient client;
    private DynamoDbStore store;

    @BeforeAll
    static void startDynamoDbLocal() throws Exception {
        int port = freeLoopbackPort();
        server = ServerRunner.createServerFromCommandLineArgs(
                new String[]{"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
        server.start();
        client = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void stopDynamoDbLocal() throws Exception {
        client.close();
        server.stop();
    }

    @BeforeEach
    void createTables() {
        DynamoDbTables tables = DynamoDbTables.withPrefix("quayside-test" + TABLE_SETS.incrementAndGet());
        createTable(tables.registry(), "container_id");
        createTable(tables.latest(), "series");
        store = new DynamoDbStore(client, tables);
    }

    /** As terraform/modules/tables: on demand, hash key tenant, one string range key, TTL on expires_at. */
    private static void createTable(String name, String rangeKey) {
        client.createTable(table -> table.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute -> attribute.attributeName("tenant").attributeType(ScalarAttributeType.S),
                        attribute -> attribute.attributeName(rangeKey).attributeType(ScalarAttributeType.S))
                .keySchema(
                        key -> key.attributeName("tenant").keyType(KeyType.HASH),
                        key -> key.attributeName(rangeKey).keyType(KeyType.RANGE)));
        client.updateTimeToLive(ttl -> ttl.tableName(name)
                .timeToLiveSpecification(spec -> spec.attributeName("expires_at").enabled(true)));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
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
