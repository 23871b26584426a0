package io.quayside.functions.store;

import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.quayside.functions.TestData.event;
import static io.quayside.functions.TestData.sample;
import static io.quayside.model.ContainerEvent.Kind.STARTED;
import static io.quayside.model.ContainerEvent.Kind.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every store adapter must do behind {@link ContainerRegistry} and {@link LatestSamples}. An
 * adapter's test extends this class and hands out one fresh, empty store per test.
 */
public abstract class StoreContract {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final MetricFamily CPU = new MetricFamily("cpu", MetricType.COUNTER, "cpu time");

    /** The store under test, as a registry; the same instance as {@link #latest()}. */
    protected abstract ContainerRegistry registry();

    protected abstract LatestSamples latest();

    private static Container started(String tenant, String id, Instant time) {
        return Container.from(event(tenant, id, STARTED, time));
    }

    @Test
    void putContainersAreFoundAsPutAndListedById() {
        Container b = started("local", "b", T0).withLabel("dns", "b.local");
        Container a = started("local", "a", T0.plusNanos(123_456_789)).seenAt(T0.plusSeconds(5));
        registry().put(b);
        registry().put(a);
        registry().put(started("local", "c", T0));

        assertThat(registry().find("local", "a")).contains(a);
        assertThat(registry().find("local", "b")).contains(b);
        assertThat(registry().find("local", "nope")).isEmpty();
        assertThat(registry().list("local")).extracting(Container::id).containsExactly("a", "b", "c");
    }

    @Test
    void putReplacesTheContainer() {
        registry().put(started("local", "a", T0));
        Container stopped = Container.from(event("local", "a", STOPPED, T0.plusSeconds(1)));
        registry().put(stopped);
        assertThat(registry().list("local")).containsExactly(stopped);
    }

    @Test
    void newerSampleWinsOlderIsIgnoredAndStaleMarkerEndsTheSeries() {
        latest().merge("local", "a", List.of(sample("a", "cpu", 2, 2000), sample("a", "mem", 10, 2000)));
        latest().merge("local", "a", List.of(sample("a", "cpu", 1, 1000)));
        latest().merge("local", "a", List.of(sample("a", "mem", Sample.STALE_NAN, 3000)));
        assertThat(latest().latest("local", "a")).containsExactly(sample("a", "cpu", 2, 2000));

        latest().merge("local", "a", List.of(sample("a", "cpu", 3, 2000)));
        assertThat(latest().latest("local", "a")).as("a sample of the same time replaces").containsExactly(sample("a", "cpu", 3, 2000));
    }

    @Test
    void withinOneMergeTheNewestSampleOfASeriesWins() {
        latest().merge("local", "a", List.of(sample("a", "cpu", 3, 3000), sample("a", "cpu", 1, 1000), sample("a", "cpu", 2, 2000)));
        assertThat(latest().latest("local", "a")).containsExactly(sample("a", "cpu", 3, 3000));
    }

    @Test
    void valuesKeepEveryDoubleExactly() {
        List<Sample> samples = List.of(sample("a", "nan", Double.NaN, 1), sample("a", "inf", Double.POSITIVE_INFINITY, 1),
                sample("a", "tiny", Double.MIN_VALUE, 1), sample("a", "third", 1.0 / 3, 1), sample("a", "negative-zero", -0.0, 1));
        latest().merge("local", "a", samples);
        assertThat(latest().latest("local", "a")).containsExactlyInAnyOrderElementsOf(samples);
    }

    @Test
    void concurrentMergesKeepTheNewestSample() throws Exception {
        List<Long> times = new ArrayList<>(IntStream.rangeClosed(1, 40).mapToObj(i -> i * 1000L).toList());
        Collections.shuffle(times, new Random(7));
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> merges = times.stream()
                    .<Future<?>>map(time -> writers.submit(() -> latest().merge("local", "a", List.of(sample("a", "cpu", time, time)))))
                    .toList();
            for (Future<?> merge : merges) {
                merge.get();
            }
        } finally {
            writers.shutdown();
        }
        assertThat(latest().latest("local", "a")).containsExactly(sample("a", "cpu", 40_000, 40_000));
    }

    @Test
    void aBatchMergesEachOfItsContainersAndLeavesTheOthersOfTheNode() {
        latest().mergeBatch("local", "node-1", Map.of(
                "a", List.of(sample("a", "cpu", 1, 1000), sample("a", "mem", 10, 1000)),
                "b", List.of(sample("b", "cpu", 2, 1000)),
                "c", List.of(sample("c", "cpu", 3, 1000))));
        latest().mergeBatch("local", "node-1", Map.of(
                "a", List.of(sample("a", "cpu", 4, 2000), sample("a", "mem", Sample.STALE_NAN, 2000)),
                "b", List.of(sample("b", "cpu", 0, 500))));

        assertThat(latest().latest("local", "a")).containsExactly(sample("a", "cpu", 4, 2000));
        assertThat(latest().latest("local", "b")).as("older is ignored").containsExactly(sample("b", "cpu", 2, 1000));
        assertThat(latest().latest("local", "c")).as("not in the batch, kept").containsExactly(sample("c", "cpu", 3, 1000));
        assertThat(latest().latest("local", "d")).isEmpty();
    }

    @Test
    void aDroppedContainerOfABatchIsForgottenAndItsNodeKeptUntilItReturns() {
        latest().mergeBatch("local", "node-1", Map.of("a", List.of(sample("a", "cpu", 1, 1000)), "b", List.of(sample("b", "cpu", 2, 1000))));
        latest().drop("local", "a");
        latest().mergeBatch("local", "node-1", Map.of("b", List.of(sample("b", "cpu", 3, 2000))));

        assertThat(latest().latest("local", "a")).isEmpty();
        assertThat(latest().latest("local", "b")).containsExactly(sample("b", "cpu", 3, 2000));

        latest().mergeBatch("local", "node-1", Map.of("a", List.of(sample("a", "mem", 5, 3000))));
        assertThat(latest().latest("local", "a")).as("a container of the same id starts afresh").containsExactly(sample("a", "mem", 5, 3000));
    }

    @Test
    void aContainerSeenOnAnotherNodeKeepsItsNewestSamplesWhereverLastSeen() {
        latest().mergeBatch("local", "node-1", Map.of("a", List.of(sample("a", "cpu", 1, 1000), sample("a", "mem", 10, 1000)),
                "b", List.of(sample("b", "cpu", 2, 1000))));
        latest().mergeBatch("local", "node-2", Map.of("a", List.of(sample("a", "cpu", 3, 2000), sample("a", "net", 7, 500))));
        latest().mergeBatch("local", "node-1", Map.of("b", List.of(sample("b", "cpu", 4, 2000))));

        assertThat(latest().latest("local", "a")).containsExactlyInAnyOrder(
                sample("a", "cpu", 3, 2000), sample("a", "mem", 10, 1000), sample("a", "net", 7, 500));
        assertThat(latest().latest("local", "b")).containsExactly(sample("b", "cpu", 4, 2000));

        latest().mergeBatch("local", "node-1", Map.of("a", List.of(sample("a", "cpu", 0, 1500), sample("a", "mem", 11, 3000))));
        assertThat(latest().latest("local", "a")).as("back on the first node, newer still wins").containsExactlyInAnyOrder(
                sample("a", "cpu", 3, 2000), sample("a", "mem", 11, 3000), sample("a", "net", 7, 500));

        latest().drop("local", "a");
        latest().mergeBatch("local", "node-2", Map.of("c", List.of(sample("c", "cpu", 1, 4000))));
        assertThat(latest().latest("local", "a")).as("dropped after moving back: nothing stale left on either node").isEmpty();
        latest().merge("local", "a", List.of(sample("a", "disk", 1, 5000)));
        assertThat(latest().latest("local", "a")).containsExactly(sample("a", "disk", 1, 5000));
    }

    @Test
    void laterMetadataOfAFamilyReplacesEarlier() {
        MetricFamily described = new MetricFamily("cpu", MetricType.GAUGE, "now a gauge");
        MetricFamily memory = new MetricFamily("mem", MetricType.GAUGE, "");
        latest().describe("local", List.of(CPU, memory));
        latest().describe("local", List.of(CPU, described));
        assertThat(latest().families("local")).isEqualTo(Map.of("cpu", described, "mem", memory));
    }

    @Test
    void manyFamiliesAndSeriesAreKeptAndDropped() {
        List<MetricFamily> families = IntStream.range(0, 60).mapToObj(i -> new MetricFamily("m" + i, MetricType.GAUGE, "")).toList();
        List<Sample> samples = IntStream.range(0, 60).mapToObj(i -> sample("a", "m" + i, i, 1000)).toList();
        latest().describe("local", families);
        latest().merge("local", "a", samples);
        assertThat(latest().families("local")).hasSize(60);
        assertThat(latest().latest("local", "a")).containsExactlyInAnyOrderElementsOf(samples);

        latest().drop("local", "a");
        assertThat(latest().latest("local", "a")).isEmpty();
    }

    @Test
    void dropForgetsOnlyThatContainersSeries() {
        latest().merge("local", "a", List.of(sample("a", "cpu", 1, 1000)));
        latest().merge("local", "a#b", List.of(sample("a#b", "cpu", 2, 1000)));
        latest().merge("local", "ab", List.of(sample("ab", "cpu", 3, 1000)));
        assertThat(latest().latest("local", "a")).containsExactly(sample("a", "cpu", 1, 1000));

        latest().drop("local", "a");
        assertThat(latest().latest("local", "a")).isEmpty();
        assertThat(latest().latest("local", "a#b")).containsExactly(sample("a#b", "cpu", 2, 1000));
        assertThat(latest().latest("local", "ab")).containsExactly(sample("ab", "cpu", 3, 1000));
    }

    @Test
    void buryRemovesTheContainerAndKeepsItsTombstoneUntilItExpires() {
        registry().put(started("local", "a", T0));
        registry().put(started("local", "b", T0));
        Tombstone a = new Tombstone("local", "a", T0.plusSeconds(1), T0.plusSeconds(60));
        registry().bury(a, T0.plusSeconds(2));

        assertThat(registry().list("local")).extracting(Container::id).containsExactly("b");
        assertThat(registry().tombstone("local", "a", T0.plusSeconds(59))).contains(a);
        assertThat(registry().tombstone("local", "a", T0.plusSeconds(60))).isEmpty();
        assertThat(registry().tombstone("local", "b", T0)).isEmpty();
    }

    @Test
    void theTombstoneOfTheLaterDestructionIsKept() {
        Tombstone later = new Tombstone("local", "a", T0.plusSeconds(10), T0.plusSeconds(600));
        registry().bury(later, T0);
        registry().bury(new Tombstone("local", "a", T0.plusSeconds(5), T0.plusSeconds(900)), T0);
        assertThat(registry().tombstone("local", "a", T0)).contains(later);

        Tombstone latest = new Tombstone("local", "a", T0.plusSeconds(20), T0.plusSeconds(1200).plusNanos(1));
        registry().bury(latest, T0);
        assertThat(registry().tombstone("local", "a", T0)).contains(latest);
    }

    @Test
    void anExpiredTombstoneIsReplacedEvenByAnEarlierDestruction() {
        registry().bury(new Tombstone("local", "a", T0.plusSeconds(10), T0.plusSeconds(60)), T0);
        Tombstone next = new Tombstone("local", "a", T0, T0.plusSeconds(600));
        registry().bury(next, T0.plusSeconds(60));
        assertThat(registry().tombstone("local", "a", T0.plusSeconds(60))).contains(next);
    }

    @Test
    void aContainerMayReuseTheIdOfABuriedOne() {
        Tombstone buried = new Tombstone("local", "a", T0, T0.plusSeconds(60));
        registry().bury(buried, T0);
        Container reused = started("local", "a", T0.plusSeconds(1));
        registry().put(reused);
        assertThat(registry().list("local")).containsExactly(reused);
        assertThat(registry().tombstone("local", "a", T0)).contains(buried);
    }

    @Test
    void touchMovesLastSeenOnlyForwardAndAddsNoContainer() {
        registry().put(started("local", "a", T0));
        registry().touch("local", "a", T0.plusSeconds(30));
        registry().touch("local", "a", T0.plusSeconds(10));
        registry().touch("local", "unknown", T0);

        Container touched = registry().find("local", "a").orElseThrow();
        assertThat(touched.lastSeen()).isEqualTo(T0.plusSeconds(30));
        assertThat(touched.updatedAt()).isEqualTo(T0);
        assertThat(registry().find("local", "unknown")).isEmpty();
    }

    @Test
    void tenantsAreKeptApart() {
        registry().put(started("t1", "a", T0));
        registry().bury(new Tombstone("t1", "b", T0, T0.plusSeconds(60)), T0);
        latest().merge("t1", "a", List.of(sample("a", "cpu", 1, 1000)));
        latest().describe("t1", List.of(CPU));
        registry().put(started("t2", "c", T0));

        assertThat(registry().find("t2", "a")).isEmpty();
        assertThat(registry().tombstone("t2", "b", T0)).isEmpty();
        assertThat(latest().latest("t2", "a")).isEmpty();
        assertThat(latest().families("t2")).isEmpty();
        assertThat(registry().list("t2")).extracting(Container::id).containsExactly("c");
        assertThat(registry().list("t1")).extracting(Container::id).containsExactly("a");

        latest().drop("t2", "a");
        registry().touch("t2", "a", T0.plusSeconds(5));
        assertThat(latest().latest("t1", "a")).hasSize(1);
        assertThat(registry().find("t1", "a").orElseThrow().lastSeen()).isEqualTo(T0);
    }
}
