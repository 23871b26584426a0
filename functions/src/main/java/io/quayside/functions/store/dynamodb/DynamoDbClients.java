package io.quayside.functions.store.dynamodb;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** The one way the store builds its client, so that every request it makes is metered. */
public final class DynamoDbClients {
    private DynamoDbClients() {
    }

    /**
     * The client of {@code builder} (which holds region, credentials and endpoint), on the JDK's HTTP
     * client, adding what every request consumes to {@code meter}.
     */
    public static DynamoDbClient metered(DynamoDbClientBuilder builder, CapacityMeter meter) {
        return builder.httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(new MeteredRequests(meter)).build())
                .build();
    }
}
