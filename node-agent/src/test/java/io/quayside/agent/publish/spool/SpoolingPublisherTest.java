package io.quayside.agent.publish.spool;

import io.quayside.agent.TestClock;
import io.quayside.agent.publish.PublishException;
import io.quayside.agent.publish.TestBatches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpoolingPublisherTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private final ScriptedPublisher receiver = new ScriptedPublisher();
    private final List<DropReason> drops = new ArrayList<>();

    @Test
    void spoolsWhileTheReceiverIsDownAndReplaysInOrderBeforeTheNextBatch() throws Exception {
        SpoolingPublisher publisher = spooling(SpoolBounds.defaults(), 100);
        receiver.reachable = false;
        for (String id : List.of("a", "b", "c")) {
            assertThat(publisher.publish(TestBatches.batch(id, 3))).isZero();
        }
        assertThat(publisher.depth()).isEqualTo(3);
        assertThat(spoolFiles()).hasSize(3);

        receiver.reachable = true;
        assertThat(publisher.publish(TestBatches.batch("d", 3))).isEqualTo(4);

        assertThat(receiver.received).containsExactly("a", "b", "c", "d");
        assertThat(spoolFiles()).isEmpty();
        assertThat(drops).isEmpty();
    }

    @Test
    void aNewBatchWaitsBehindABacklogLongerThanTheReplayLimit() throws Exception {
        SpoolingPublisher publisher = spooling(SpoolBounds.defaults(), 2);
        receiver.reachable = false;
        publisher.publish(TestBatches.batch("a", 1));
        publisher.publish(TestBatches.batch("b", 1));
        publisher.publish(TestBatches.batch("c", 1));

        receiver.reachable = true;
        publisher.publish(TestBatches.batch("d", 1));
        assertThat(receiver.received).containsExactly("a", "b");
        publisher.publish(TestBatches.batch("e", 1));

        assertThat(receiver.received).containsExactly("a", "b", "c", "d", "e");
        assertThat(publisher.depth()).isZero();
    }

    @Test
    void aRefusedBatchIsNotSpooled() {
        SpoolingPublisher publisher = spooling(SpoolBounds.defaults(), 100);
        receiver.refused.add("bad");

        assertThatThrownBy(() -> publisher.publish(TestBatches.batch("bad", 1)))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(publisher.depth()).isZero();
    }

    @Test
    void aSpooledBatchRefusedOnReplayIsDroppedAndCountedAndTheRestGoOn() throws Exception {
        SpoolingPublisher publisher = spooling(SpoolBounds.defaults(), 100);
        receiver.reachable = false;
        publisher.publish(TestBatches.batch("a", 1));
        publisher.publish(TestBatches.batch("b", 1));

        receiver.reachable = true;
        receiver.refused.add("a");
        publisher.publish(TestBatches.batch("c", 1));

        assertThat(receiver.received).containsExactly("b", "c");
        assertThat(drops).containsExactly(DropReason.REFUSED);
    }

    @Test
    void theByteBoundDropsTheOldestAndCountsThem() throws Exception {
        long bound = spooledSize() * 5 / 2; // room for two batches, not three
        SpoolingPublisher publisher = spooling(new SpoolBounds(bound, Duration.ofDays(1)), 100);
        receiver.reachable = false;
        for (String id : List.of("a", "b", "c", "d")) {
            publisher.publish(TestBatches.batch(id, 20));
        }
        assertThat(drops).containsExactly(DropReason.BYTES, DropReason.BYTES);
        assertThat(publisher.bytes()).isLessThanOrEqualTo(bound);

        receiver.reachable = true;
        publisher.publish(TestBatches.batch("e", 20));
        assertThat(receiver.received).containsExactly("c", "d", "e");
    }

    @Test
    void theAgeBoundDropsBatchesThatWaitedTooLong() throws Exception {
        SpoolingPublisher publisher = spooling(new SpoolBounds(1 << 20, Duration.ofHours(1)), 100);
        receiver.reachable = false;
        publisher.publish(TestBatches.batch("a", 1));
        clock.advance(Duration.ofMinutes(40));
        publisher.publish(TestBatches.batch("b", 1));
        clock.advance(Duration.ofMinutes(40));

        receiver.reachable = true;
        publisher.publish(TestBatches.batch("c", 1));

        assertThat(receiver.received).containsExactly("b", "c");
        assertThat(drops).containsExactly(DropReason.AGE);
    }

    @Test
    void aRestartedAgentReplaysWhatTheLastRunSpooledAndKeepsItsOrder() throws Exception {
        receiver.reachable = false;
        SpoolingPublisher before = spooling(SpoolBounds.defaults(), 100);
        before.publish(TestBatches.batch("a", 1));
        before.publish(TestBatches.batch("b", 1));
        Files.write(dir.resolve(".0000000000000002-0000000000000.batch.partial"), new byte[]{1, 2});

        SpoolingPublisher after = spooling(SpoolBounds.defaults(), 100);
        assertThat(after.depth()).isEqualTo(2);
        after.publish(TestBatches.batch("c", 1));
        assertThat(after.depth()).isEqualTo(3);

        receiver.reachable = true;
        spooling(SpoolBounds.defaults(), 100).publish(TestBatches.batch("d", 1));
        assertThat(receiver.received).containsExactly("a", "b", "c", "d");
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void aDamagedSpoolFileIsDroppedAsUnreadable() throws Exception {
        SpoolingPublisher publisher = spooling(SpoolBounds.defaults(), 100);
        receiver.reachable = false;
        publisher.publish(TestBatches.batch("a", 1));
        publisher.publish(TestBatches.batch("b", 1));
        Files.write(spoolFiles().get(0), new byte[]{'n', 'o', 'p', 'e'});

        receiver.reachable = true;
        publisher.publish(TestBatches.batch("c", 1));

        assertThat(receiver.received).containsExactly("b", "c");
        assertThat(drops).containsExactly(DropReason.UNREADABLE);
    }

    private SpoolingPublisher spooling(SpoolBounds bounds, int replayLimit) {
        try {
            return new SpoolingPublisher(receiver, BatchSpool.open(dir, bounds, clock, drops::add), replayLimit);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long spooledSize() throws IOException {
        Path elsewhere = Files.createTempDirectory(dir, "size");
        BatchSpool spool = BatchSpool.open(elsewhere, SpoolBounds.defaults(), clock, SpoolDrops.NONE);
        spool.add(TestBatches.batch("x", 20));
        long bytes = spool.bytes();
        spool.remove(spool.oldest().orElseThrow());
        Files.delete(elsewhere);
        return bytes;
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".batch")).sorted().toList();
        }
    }
}
