package io.quayside.agent.publish.sqs;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An in-process SQS that can be stopped and started again on the same port, and a client for it. */
public final class ElasticMq implements AutoCloseable {
    private SQSRestServer server;
    private final int port;
    private final SqsClient client;

    public ElasticMq() {
        server = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
        port = server.waitUntilStarted().localAddress().getPort();
        client = client(URI.create("http://127.0.0.1:" + port));
    }

    /** A client as the agent builds one, with credentials ElasticMQ accepts. */
    public static SqsClient client(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public SqsClient client() {
        return client;
    }

    public URI createQueue(String name) {
        return URI.create(client.createQueue(r -> r.queueName(name)).queueUrl());
    }

    /** Every message in the queue, in the order received, each deleted once read. */
    public List<Message> receiveAll(URI queue) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> some = client.receiveMessage(r -> r.queueUrl(queue.toString()).maxNumberOfMessages(10)
                    .messageAttributeNames("All").waitTimeSeconds(0)).messages();
            if (some.isEmpty()) {
                return all;
            }
            all.addAll(some);
            some.forEach(m -> client.deleteMessage(r -> r.queueUrl(queue.toString()).receiptHandle(m.receiptHandle())));
        }
    }

    public void stop() {
        server.stopAndWait();
    }

    /** Starts again on the same port, empty: queues must be created again. */
    public void restart() {
        server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
        server.waitUntilStarted();
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
