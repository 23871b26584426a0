package io.quayside.functions.store.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DynamoDB Local in the test JVM, started once for every test class that asks, on a free loopback
 * port, and tables shaped as {@code terraform/modules/tables} shapes them.
 */
public final class DynamoDbLocal {
    private static final AtomicInteger TABLE_SETS = new AtomicInteger();
    private static final CapacityMeter METER = new CapacityMeter();
    private static URI endpoint;
    private static DynamoDbClient shared;

    private DynamoDbLocal() {
    }

    /** The endpoint of the one server, started on first use and stopped when the JVM exits. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            try {
                int port = freeLoopbackPort();
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                        new String[]{"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (Exception e) {
                        // the JVM is going anyway
                    }
                }));
                endpoint = URI.create("http://127.0.0.1:" + port);
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
        }
        return endpoint;
    }

    /**
     * The client the tests share, open until the JVM exits; its requests add to {@link #meter()}.
     * Tables are fresh per test, so a test reads its own costs as the tally of its tables.
     */
    public static synchronized DynamoDbClient client() {
        if (shared == null) {
            shared = newClient(METER);
        }
        return shared;
    }

    public static CapacityMeter meter() {
        return METER;
    }

    /** A client of its own, as another function instance would have, adding to {@code meter}. */
    public static DynamoDbClient newClient(CapacityMeter meter) {
        return DynamoDbClients.metered(DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))), meter);
    }

    /** A fresh set of the four tables, under a prefix no other caller gets. */
    public static DynamoDbTables createTables(DynamoDbClient client) {
        DynamoDbTables tables = DynamoDbTables.withPrefix("quayside-test" + TABLE_SETS.incrementAndGet());
        createTable(client, tables.registry(), "tenant", "container_id");
        createTable(client, tables.latest(), "tenant", "series");
        createTable(client, tables.windows(), WindowChunks.PARTITION, WindowChunks.KEY);
        createTable(client, tables.tenants(), "tenant", "token_hash");
        return tables;
    }

    /** As terraform/modules/tables: on demand, a string hash and range key, TTL on expires_at. */
    private static void createTable(DynamoDbClient client, String name, String hashKey, String rangeKey) {
        client.createTable(table -> table.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute -> attribute.attributeName(hashKey).attributeType(ScalarAttributeType.S),
                        attribute -> attribute.attributeName(rangeKey).attributeType(ScalarAttributeType.S))
                .keySchema(
                        key -> key.attributeName(hashKey).keyType(KeyType.HASH),
                        key -> key.attributeName(rangeKey).keyType(KeyType.RANGE)));
        client.updateTimeToLive(ttl -> ttl.tableName(name)
                .timeToLiveSpecification(spec -> spec.attributeName("expires_at").enabled(true)));
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
