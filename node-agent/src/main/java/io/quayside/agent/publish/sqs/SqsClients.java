package io.quayside.agent.publish.sqs;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The SQS client the agent sends with. */
public final class SqsClients {
    private SqsClients() {
    }

    /**
     * A client on the JDK's HTTP connection, with the SDK's own retries off: {@link BackoffRetry} retries, so
     * that the agent decides when a batch goes to the spool instead. Credentials come from the SDK's default
     * chain (environment, profile, the instance's or task's role).
     *
     * @param region   the queues' region; the SDK's default chain ({@code AWS_REGION}, profile, instance metadata) when empty
     * @param endpoint another SQS endpoint, such as a VPC endpoint or ElasticMQ; the region's when empty
     * @param timeout  for connecting, and for each request
     */
    public static SqsClient create(Optional<String> region, Optional<URI> endpoint, Duration timeout) {
        SqsClientBuilder builder = SqsClient.builder()
                // Named explicitly: the SDK would otherwise look for an HTTP client on the class path at run time.
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallAttemptTimeout(timeout));
        region.map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
