package io.quayside.functions.bench.cost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The samples queue, counting requests as SQS bills them: every 64 KiB chunk of a request's payload
 * is one request. Sends are one message each (the agent's publisher); the event source mapping
 * receives up to its batch size and deletes what the function took in with one DeleteMessageBatch.
 */
final class MeteredQueue {
    static final long BILLED_CHUNK_BYTES = 64 * 1024;

    private final Deque<QueuedMessage> waiting = new ArrayDeque<>();
    private boolean counting;
    private long sends;
    private long receives;
    private long deletes;
    private long messagesSent;
    private long bytesSent;

    /** From now on requests count; those before (the warm-up) do not. */
    void startCounting() {
        counting = true;
    }

    void send(QueuedMessage message) {
        waiting.add(message);
        if (counting) {
            sends += chunks(message.payloadBytes());
            messagesSent++;
            bytesSent += message.payloadBytes();
        }
    }

    /** What one receive returns, up to {@code max} messages; empty when the queue is. */
    List<QueuedMessage> receive(int max) {
        List<QueuedMessage> out = new ArrayList<>(max);
        long bytes = 0;
        while (out.size() < max && !waiting.isEmpty()) {
            QueuedMessage message = waiting.poll();
            bytes += message.payloadBytes();
            out.add(message);
        }
        if (counting && !out.isEmpty()) {
            receives += chunks(bytes);
        }
        return out;
    }

    /** One DeleteMessageBatch of up to ten receipt handles: a small payload, one request. */
    void deleteBatch(List<QueuedMessage> messages) {
        if (counting && !messages.isEmpty()) {
            deletes++;
        }
    }

    static long chunks(long payloadBytes) {
        return Math.max(1, (payloadBytes + BILLED_CHUNK_BYTES - 1) / BILLED_CHUNK_BYTES);
    }

    long sendRequests() {
        return sends;
    }

    long receiveRequests() {
        return receives;
    }

    long deleteRequests() {
        return deletes;
    }

    long messagesSent() {
        return messagesSent;
    }

    long bytesSent() {
        return bytesSent;
    }
}
