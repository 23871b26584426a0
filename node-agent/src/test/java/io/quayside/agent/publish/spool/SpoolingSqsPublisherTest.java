package io.quayside.agent.publish.spool;

import io.quayside.agent.publish.TestBatches;
import io.quayside.agent.publish.sqs.ElasticMq;
import io.quayside.agent.publish.sqs.RetryPolicy;
import io.quayside.agent.publish.sqs.SqsPublisher;
import io.quayside.agent.publish.sqs.SqsSettings;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The spool in front of a real (in-process) SQS that goes away and comes back. */
class SpoolingSqsPublisherTest {
    @TempDir
    Path dir;

    @Test
    void batchesSentWhileTheQueueIsDownArriveInOrderOnceItIsBack() throws Exception {
        try (ElasticMq sqs = new ElasticMq()) {
            URI samples = sqs.createQueue("samples");
            URI events = sqs.createQueue("events");
            SqsPublisher queue = new SqsPublisher(sqs.client(),
                    new SqsSettings(samples, events, 240 * 1024, new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1))),
                    delay -> { });
            List<DropReason> drops = new ArrayList<>();
            SpoolingPublisher publisher = new SpoolingPublisher(queue,
                    BatchSpool.open(dir, SpoolBounds.defaults(), Clock.systemUTC(), drops::add), 100);
            List<SampleBatch> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(TestBatches.batch("before-" + i, 10));
            }

            sqs.stop();
            for (SampleBatch batch : sent) {
                assertThat(publisher.publish(batch)).isZero();
            }
            assertThat(publisher.depth()).isEqualTo(3);

            sqs.restart();
            assertThat(sqs.createQueue("samples")).isEqualTo(samples);
            sqs.createQueue("events");
            SampleBatch after = TestBatches.batch("after", 10);
            sent.add(after);
            publisher.publish(after);

            List<SampleBatch> received = new ArrayList<>();
            for (var message : sqs.receiveAll(samples)) {
                received.add(new SampleBatchCodec().decode(Base64.getDecoder().decode(message.body())));
            }
            assertThat(received).containsExactlyElementsOf(sent);
            assertThat(publisher.depth()).isZero();
            assertThat(drops).isEmpty();
        }
    }
}
