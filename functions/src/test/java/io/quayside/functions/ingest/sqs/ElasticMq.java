package io.quayside.functions.ingest.sqs;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.Map;

/** SQS in the test's JVM: ElasticMQ on a free port, which can go away and come back on the same one. */
final class ElasticMq implements AutoCloseable {
    static final String REGION = "us-east-1";

    private SQSRestServer server;
    private final int port;
    final SqsClient sqs;

    ElasticMq() {
        server = SQSRestServerBuilder.withDynamicPort().withInterface("127.0.0.1").start();
        port = server.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    URI queue(String name, Map<QueueAttributeName, String> attributes) {
        return URI.create(sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl());
    }

    String arn(URI queue) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queue.toString()).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** Messages visible plus those received and not yet deleted. */
    int held(URI queue) {
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(r -> r.queueUrl(queue.toString()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    void stop() {
        server.stopAndWait();
    }

    /** On the same port, with no queues. */
    void restart() {
        server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
        server.waitUntilStarted();
    }

    @Override
    public void close() {
        sqs.close();
        server.stopAndWait();
    }
}
