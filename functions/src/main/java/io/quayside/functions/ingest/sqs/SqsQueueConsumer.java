package io.quayside.functions.ingest.sqs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What Lambda's event source mapping does, for runtimes that are not Lambda: long-polls a queue, hands
 * each receive to the ingest logic as one {@link SqsEvent}, and deletes the messages its response does
 * not report as failures. Failed messages stay: they become visible again after the queue's visibility
 * timeout, and SQS moves them to the dead-letter queue after the redrive policy's receive count.
 */
public final class SqsQueueConsumer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SqsQueueConsumer.class.getName());
    /** Beyond the long poll: time for the receive's own round trip and the handling of what it got. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final SqsClient sqs;
    private final ConsumerSettings settings;
    private final Function<SqsEvent, SqsBatchResponse> handler;
    private final ReceivedMessages received;
    private final Counter receivedMessages;
    private final Counter deletedMessages;
    private final Counter failedMessages;
    private final Counter receiveErrors;
    private final Counter handlerErrors;
    private final Counter deleteErrors;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread thread;

    /** @param handler the ingest logic; a message it reports in {@code batchItemFailures} is left on the queue */
    public SqsQueueConsumer(SqsClient sqs, ConsumerSettings settings, Function<SqsEvent, SqsBatchResponse> handler, MeterRegistry meters) {
        this.sqs = sqs;
        this.settings = settings;
        this.handler = handler;
        this.received = new ReceivedMessages(settings);
        String queue = settings.queueName();
        receivedMessages = counter(meters, "quayside_sqs_received_messages", "Messages received from the queue.", queue);
        deletedMessages = counter(meters, "quayside_sqs_deleted_messages", "Messages taken in (or recognised as repeats) and deleted.", queue);
        failedMessages = counter(meters, "quayside_sqs_failed_messages",
                "Messages the ingest logic reported as failures, left for SQS to deliver again or move to the dead-letter queue.", queue);
        receiveErrors = counter(meters, "quayside_sqs_receive_errors", "Receives that failed; the consumer backs off.", queue);
        handlerErrors = counter(meters, "quayside_sqs_handler_errors", "Receives whose handling threw; none of their messages were deleted.", queue);
        deleteErrors = counter(meters, "quayside_sqs_delete_errors",
                "Messages that could not be deleted; SQS delivers them again and they are recognised as repeats.", queue);
    }

    private static Counter counter(MeterRegistry meters, String name, String description, String queue) {
        return Counter.builder(name).description(description).tag("queue", queue).register(meters);
    }

    /** Consumes on a thread of its own until {@link #close()}. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(this::run, "quayside-sqs-" + settings.queueName());
        thread.setDaemon(true);
        thread.start();
        LOG.info(() -> "consuming " + settings.queueUrl() + " (up to " + settings.maxMessages() + " messages, long poll "
                + settings.waitTime().toSeconds() + " s)");
    }

    private void run() {
        int failuresInRow = 0;
        while (stopping.getCount() > 0) {
            try {
                poll();
                failuresInRow = 0;
            } catch (RuntimeException e) {
                // SqsException, I/O, or a fault of this code: the thread must outlive each, or consuming stops unseen.
                failuresInRow++;
                receiveErrors.increment();
                Duration wait = settings.backoffAfter(failuresInRow);
                LOG.warning("cannot receive from " + settings.queueUrl() + " (" + failuresInRow + " in a row), trying again in "
                        + wait.toMillis() + " ms: " + e.getMessage());
                sleep(wait);
            }
        }
    }

    /**
     * One receive and what follows it.
     *
     * @return how many messages were received
     * @throws SdkException when the receive fails; nothing was handed to the ingest logic then
     */
    public int poll() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(settings.queueUrl().toString())
                .maxNumberOfMessages(settings.maxMessages())
                .waitTimeSeconds((int) settings.waitTime().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
        if (messages.isEmpty()) {
            return 0;
        }
        receivedMessages.increment(messages.size());
        SqsBatchResponse response;
        try {
            response = handler.apply(received.event(messages));
        } catch (RuntimeException e) {
            handlerErrors.increment();
            LOG.log(Level.SEVERE, "handling " + messages.size() + " messages failed; none deleted, SQS delivers them again", e);
            return messages.size();
        }
        List<Message> done = notFailed(messages, response);
        failedMessages.increment(messages.size() - done.size());
        delete(done);
        return messages.size();
    }

    /**
     * The messages to delete. As with Lambda, a response that names a message this receive did not
     * deliver (or names none) fails the whole receive: deleting on a misread response would lose data.
     */
    private static List<Message> notFailed(List<Message> messages, SqsBatchResponse response) {
        Set<String> ids = new HashSet<>();
        messages.forEach(message -> ids.add(message.messageId()));
        Set<String> failed = new HashSet<>();
        for (SqsBatchResponse.ItemFailure failure : response.batchItemFailures()) {
            if (failure.itemIdentifier() == null || !ids.contains(failure.itemIdentifier())) {
                LOG.severe("the response names '" + failure.itemIdentifier() + "', which this receive did not deliver; none deleted");
                return List.of();
            }
            failed.add(failure.itemIdentifier());
        }
        return messages.stream().filter(message -> !failed.contains(message.messageId())).toList();
    }

    private void delete(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(messages.get(i).receiptHandle()).build());
        }
        try {
            List<BatchResultErrorEntry> failed = sqs.deleteMessageBatch(r -> r.queueUrl(settings.queueUrl().toString()).entries(entries)).failed();
            deletedMessages.increment(messages.size() - failed.size());
            deleteErrors.increment(failed.size());
            failed.forEach(error -> LOG.warning("could not delete message " + messages.get(Integer.parseInt(error.id())).messageId()
                    + " (" + error.code() + ": " + error.message() + "); it will come again and count once"));
        } catch (SdkException e) {
            deleteErrors.increment(messages.size());
            LOG.warning("could not delete " + messages.size() + " messages; they will come again and count once: " + e.getMessage());
        }
    }

    private void sleep(Duration wait) {
        try {
            stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }

    /** Stops after the receive under way, and what it got, is done: nothing received is left half handled. */
    @Override
    public synchronized void close() throws InterruptedException {
        stopping.countDown();
        if (thread != null) {
            thread.join(settings.waitTime().plus(STOP_GRACE).toMillis());
            if (thread.isAlive()) {
                LOG.warning("the consumer of " + settings.queueUrl() + " did not stop in time");
            }
        }
    }
}
