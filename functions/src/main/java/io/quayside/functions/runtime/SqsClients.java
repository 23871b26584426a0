package io.quayside.functions.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** SQS clients as {@code quayside.sqs.*} configures them, for the queues this process reads or sends to. */
@ApplicationScoped
public class SqsClients {
    /** ElasticMQ, LocalStack or a VPC endpoint; the region's own when unset. */
    @ConfigProperty(name = "quayside.sqs.endpoint")
    Optional<URI> endpoint;

    /** The SDK's default chain ({@code AWS_REGION}, profile, instance metadata) when unset. */
    @ConfigProperty(name = "quayside.sqs.region")
    Optional<String> region;

    /**
     * @param queue         named in the error when no client can be built
     * @param socketTimeout how long a call may wait for its answer (a receive's long poll included)
     */
    SqsClient client(URI queue, Duration socketTimeout) {
        SqsClientBuilder builder = SqsClient.builder()
                // Named explicitly: the SDK would otherwise look for an HTTP client on the class path at run time.
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(socketTimeout));
        region.map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new IllegalStateException("cannot build the SQS client for " + queue
                    + " (set quayside.sqs.region if the SDK found no region): " + e.getMessage(), e);
        }
    }
}
