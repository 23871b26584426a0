package io.quayside.agent;

import io.quayside.agent.publish.PublishException;
import io.quayside.agent.publish.Publisher;
import io.quayside.agent.runtimes.ListedRuntime;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.AgentIdentity;
import io.quayside.agent.hook.EventSpool;
import io.quayside.agent.sweep.OpenContainerFiles;
import io.quayside.agent.sweep.ParallelSampling;
import io.quayside.agent.sweep.SeriesLabels;
import io.quayside.agent.sweep.Sweeper;
import io.quayside.agent.metrics.AgentMetrics;
import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Ordering and retry of what the loop sends, through a publisher that records or refuses. */
class AgentLoopTest {
    private final ListedRuntime runtime = new ListedRuntime();
    @TempDir
    Path spoolDir;
    private EventSpool spool;
    private final ParallelSampling sampling = new ParallelSampling(1, Duration.ofSeconds(5));

    private final List<String> sent = new ArrayList<>();
    private PublishException failure;
    /** Fails events only, as when the events queue is down and the samples queue is not. */
    private PublishException eventFailure;

    @AfterEach
    void stopSampling() {
        sampling.close();
    }

    private final Publisher publisher = new Publisher() {
        @Override
        public int publish(SampleBatch batch) throws PublishException {
            record("batch " + batch.tenant());
            return 1;
        }

        @Override
        public void publish(ContainerEvent event) throws PublishException {
            if (eventFailure != null) {
                throw eventFailure;
            }
            record(event.kind() + " " + event.containerId());
        }

        private void record(String what) throws PublishException {
            if (failure != null) {
                throw failure;
            }
            sent.add(what);
        }
    };

    private AgentLoop loop(int pendingEventLimit) {
        spool = new EventSpool(spoolDir, Clock.systemUTC());
        AgentMetrics metrics = new AgentMetrics();
        Sweeper sweeper = new Sweeper(List.of(runtime), List.of(), new AgentIdentity("n", "local", "tenant", "1"),
                Clock.systemUTC(), Duration.ofHours(1), sampling, metrics, new SeriesLabels(List.of()), Optional.empty(),
                new OpenContainerFiles(100));
        return new AgentLoop(sweeper, publisher, metrics, pendingEventLimit, spool);
    }

    private void add(String id) {
        runtime.add(new HostContainer(id, id, "img", Map.of(), "test", 1, Map.of(), Instant.EPOCH));
    }

    @Test
    void eventsGoBeforeBatchesAndWaitWhileTheRuntimeIsDown() {
        AgentLoop loop = loop(100);
        add("a");
        failure = new PublishException("connection refused", true, null);
        loop.run();
        add("b");
        loop.run();
        assertThat(sent).isEmpty();

        failure = null;
        loop.run();
        assertThat(sent).containsExactly("STARTED a", "STARTED b", "batch local");
    }

    @Test
    void eventsSpooledByHooksGoFirstAndLeaveTheSpoolOnceSent() throws Exception {
        AgentLoop loop = loop(100);
        ContainerEvent hooked = new ContainerEvent("local", "n", "h", "h", "", Map.of(), "runc", ContainerEvent.Kind.STARTED,
                Instant.parse("2026-11-21T10:00:00Z"));
        spool.add(hooked);
        add("a");
        failure = new PublishException("down", true, null);
        loop.run();
        assertThat(spool.depth()).isEqualTo(1);

        failure = null;
        loop.run();
        assertThat(sent).containsExactly("STARTED h", "STARTED a", "batch local");
        assertThat(spool.depth()).isZero();
    }

    @Test
    void batchesGoToThePublisherWhileEventsWait() {
        AgentLoop loop = loop(100);
        add("a");
        eventFailure = new PublishException("events queue unreachable", true, null);
        loop.run();
        assertThat(sent).containsExactly("batch local");

        eventFailure = null;
        loop.run();
        assertThat(sent).containsExactly("batch local", "STARTED a", "batch local");
    }

    @Test
    void refusedEventIsDroppedAndTheRestFlows() {
        AgentLoop loop = loop(100);
        add("a");
        failure = new PublishException("400 invalid event", false, null);
        loop.run();
        failure = null;
        add("b");
        loop.run();
        assertThat(sent).containsExactly("STARTED b", "batch local");
    }

    @Test
    void pendingEventsAreBoundedOldestFirstOut() {
        AgentLoop loop = loop(2);
        failure = new PublishException("down", true, null);
        for (String id : List.of("a", "b", "c")) {
            add(id);
            loop.run();
        }
        failure = null;
        loop.run();
        assertThat(sent).containsExactly("STARTED b", "STARTED c", "batch local");
    }
}
