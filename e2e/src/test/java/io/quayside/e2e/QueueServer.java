package io.quayside.e2e;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * ElasticMQ in the test's JVM with the queues terraform makes on AWS: samples (redriven to its
 * dead-letter queue after a number of receives) and events. Its endpoint can go down and come back
 * on the same port with the same queues and what they held, as SQS does after an outage: the queues
 * live in a queue manager that outlives the REST server.
 */
final class QueueServer implements AutoCloseable {
    static final String REGION = "us-east-1";
    /** What ElasticMQ accepts, handed to the processes as the SDK's environment credentials. */
    static final Map<String, String> CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", "e2e", "AWS_SECRET_ACCESS_KEY", "e2e");

    final int maxReceives;
    final Duration visibility;
    final SqsClient sqs;
    private final int port;
    private final ActorSystem actors = ActorSystem.create("e2e-sqs");
    private final ActorRef queueManager = actors.actorOf(Props.create(QueueManagerActor.class,
            () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, Option.empty())));
    private SQSRestServer server;
    URI samples;
    URI deadLetters;
    URI events;

    QueueServer(int maxReceives, Duration visibility) {
        this.maxReceives = maxReceives;
        this.visibility = visibility;
        server = SQSRestServerBuilder.withActorSystem(actors).withQueueManagerActor(queueManager).withDynamicPort()
                .withInterface("127.0.0.1").start();
        port = server.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder().endpointOverride(endpoint()).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("e2e", "e2e")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        createQueues();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void createQueues() {
        deadLetters = create("samples-dlq", Map.of());
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(deadLetters.toString()).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        samples = create("samples", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibility.toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, "{\"maxReceiveCount\":\"" + maxReceives + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"));
        events = create("events", Map.of());
    }

    private URI create(String name, Map<QueueAttributeName, String> attributes) {
        return URI.create(sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl());
    }

    /** Messages waiting plus those received and not yet deleted. */
    int depth(URI queue) {
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(r -> r.queueUrl(queue.toString()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return counts.values().stream().mapToInt(Integer::parseInt).sum();
    }

    void stop() {
        server.stopAndWait();
    }

    /**
     * Back on the same port. The queues were never gone: made again after the endpoint answers, the agent
     * would meet "no such queue" in between, which it takes for a refusal and drops the batch it replays.
     */
    void restart() {
        server = SQSRestServerBuilder.withActorSystem(actors).withQueueManagerActor(queueManager).withPort(port)
                .withInterface("127.0.0.1").start();
        server.waitUntilStarted();
    }

    @Override
    public void close() {
        sqs.close();
        server.stopAndWait();
        actors.terminate();
    }
}
