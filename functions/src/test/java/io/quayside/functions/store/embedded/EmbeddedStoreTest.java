package io.quayside.functions.store.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.functions.store.Container;
import io.quayside.functions.store.Tombstone;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.quayside.functions.TestData.event;
import static io.quayside.functions.TestData.sample;
import static io.quayside.model.ContainerEvent.Kind.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedStoreTest {
    private static final MetricFamily CPU = new MetricFamily("cpu", MetricType.COUNTER, "cpu time");

    @TempDir
    Path state;

    private EmbeddedStore open() {
        return new EmbeddedStore(new StateDirectory(state, new ObjectMapper().registerModule(new JavaTimeModule())), 60_000);
    }

    @Test
    void restartKeepsRegistryLatestSamplesAndFamilies() {
        Container container = Container.from(event("local", "a", STARTED, Instant.parse("2026-11-21T10:00:00Z")));
        try (EmbeddedStore store = open()) {
            store.put(container);
            store.describe("local", List.of(CPU));
            store.merge("local", "a", List.of(sample("a", "cpu", 1.5, 1000), sample("a", "mem", Double.NaN, 1000)));
        }
        try (EmbeddedStore store = open()) {
            assertThat(store.list("local")).containsExactly(container);
            assertThat(store.latest("local", "a")).containsExactlyInAnyOrder(
                    sample("a", "cpu", 1.5, 1000), sample("a", "mem", Double.NaN, 1000));
            assertThat(store.families("local")).containsEntry("cpu", CPU);
        }
    }

    @Test
    void corruptSnapshotIsSetAsideAndTheRegistryStillLoads() throws Exception {
        Container container = Container.from(event("local", "a", STARTED, Instant.parse("2026-11-21T10:00:00Z")));
        try (EmbeddedStore store = open()) {
            store.put(container);
            store.merge("local", "a", List.of(sample("a", "cpu", 2, 2000)));
        }
        Path snapshot = state.resolve("tenants/local/latest.qsb");
        Files.write(snapshot, new byte[]{'Q', 'S', 'B', 1, 0, 42});
        try (EmbeddedStore store = open()) {
            assertThat(store.list("local")).containsExactly(container);
            assertThat(store.latest("local", "a")).isEmpty();
        }
        try (Stream<Path> files = Files.list(state.resolve("tenants/local"))) {
            assertThat(files.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("latest.qsb.corrupt-"));
        }
    }

    @Test
    void tombstonesSurviveARestartAndExpiredOnesAreForgottenAtTheNextBurial() throws Exception {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        Container container = Container.from(event("local", "a", STARTED, now));
        Tombstone a = new Tombstone("local", "a", now.plusSeconds(1), now.plusSeconds(60));
        try (EmbeddedStore store = open()) {
            store.put(container);
            store.bury(a, now);
            store.bury(new Tombstone("local", "a", now, now.plusSeconds(600)), now);
        }
        try (EmbeddedStore store = open()) {
            assertThat(store.list("local")).isEmpty();
            assertThat(store.tombstone("local", "a", now.plusSeconds(59))).contains(a);
            assertThat(store.tombstone("local", "a", now.plusSeconds(60))).isEmpty();
            store.bury(new Tombstone("local", "b", now, now.plusSeconds(3600)), now.plusSeconds(60));
        }
        assertThat(Files.readString(state.resolve("tenants/local/tombstones.json"))).doesNotContain("\"a\"").contains("\"b\"");
    }

    @Test
    void touchIsWrittenBehindAndOnlyMovesForward() {
        Instant start = Instant.parse("2026-11-21T10:00:00Z");
        try (EmbeddedStore store = open()) {
            store.put(Container.from(event("local", "a", STARTED, start)));
            store.touch("local", "a", start.plusSeconds(30));
            store.touch("local", "a", start.plusSeconds(10));
            store.touch("local", "unknown", start);
        }
        try (EmbeddedStore store = open()) {
            assertThat(store.find("local", "a").orElseThrow().lastSeen()).isEqualTo(start.plusSeconds(30));
            assertThat(store.find("local", "unknown")).isEmpty();
        }
    }

    @Test
    void registryWrittenBeforeLastSeenExistedStillLoads() throws Exception {
        Path file = state.resolve("tenants/local/containers.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                [{"tenant":"local","id":"a","name":"web","image":"busybox","node":"n","runtime":"runc",
                  "labels":{},"state":"started","updatedAt":"2026-11-21T10:00:00Z"}]""");
        try (EmbeddedStore store = open()) {
            assertThat(store.find("local", "a").orElseThrow().lastSeen()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        }
    }
}
