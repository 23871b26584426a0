package io.quayside.functions.bench.cost;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MeteredQueueTest {

    @Test
    void billsEvery64KibChunkOfAPayloadAsOneRequest() {
        assertThat(MeteredQueue.chunks(1)).isEqualTo(1);
        assertThat(MeteredQueue.chunks(65_536)).isEqualTo(1);
        assertThat(MeteredQueue.chunks(65_537)).isEqualTo(2);
        assertThat(MeteredQueue.chunks(240 * 1024 + 100)).isEqualTo(4);
    }

    @Test
    void countsAttributesWithTheBodyAndOnlyAfterCountingStarts() {
        MeteredQueue queue = new MeteredQueue();
        queue.send(message("warm-up", 100));
        queue.startCounting();
        // 65,536 bytes of body are one chunk alone; the attributes make it two.
        queue.send(message("a", 65_536));
        queue.send(message("b", 10));

        List<QueuedMessage> first = queue.receive(2);
        List<QueuedMessage> rest = queue.receive(2);
        queue.deleteBatch(rest);

        assertThat(first).extracting(QueuedMessage::messageId).containsExactly("warm-up", "a");
        assertThat(queue.sendRequests()).isEqualTo(3);
        assertThat(queue.receiveRequests()).isEqualTo(2 + 1);
        assertThat(queue.deleteRequests()).isEqualTo(1);
        assertThat(queue.messagesSent()).isEqualTo(2);
        assertThat(queue.receive(2)).isEmpty();
        assertThat(queue.receiveRequests()).isEqualTo(3);
    }

    private static QueuedMessage message(String id, int bodyBytes) {
        return new QueuedMessage(id, "x".repeat(bodyBytes), Map.of(QueuedMessage.TENANT, "acme"));
    }
}
