package io.quayside.agent.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.DemoContainers;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.runtimes.runc.RuncRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real runc containers (the demo's, under a private root): every listener call sweeps runc's state,
 * so the test sees when each container first became visible to the agent and when it stopped being.
 */
class RuncChangeWatcherTest {
    private static final Duration LIMIT = Duration.ofSeconds(1);

    @TempDir
    Path work;

    /** What one listener call found. */
    record Sighting(Instant at, Set<String> ids) {
    }

    @Test
    void listenerSeesEachRuncRunAndDeleteWithinASecond() throws Exception {
        Path runcRoot = Files.createDirectories(work.resolve("runc")); // where DemoContainers points runc
        RuncRuntime runc = new RuncRuntime(runcRoot, new ObjectMapper());
        List<Sighting> sightings = new CopyOnWriteArrayList<>();
        try (ContainerChangeWatcher watcher = new ContainerChangeWatcher(List.of(StateDirectoryWatch.runc(runcRoot)),
                ContainerChangeWatcher.DEFAULT_QUIET_PERIOD, () -> sightings.add(new Sighting(Instant.now(),
                        runc.containers().stream().map(HostContainer::id).collect(Collectors.toSet()))))) {
            watcher.start();
            try (DemoContainers demo = DemoContainers.start(work)) {
                List<HostContainer> started = runc.containers();
                assertThat(started).hasSize(3);
                for (HostContainer container : started) {
                    // runc stamps "created" when it creates the container, before the agent can know of it.
                    Instant seen = await(sightings, container.createdAt(), s -> s.ids().contains(container.id()));
                    report("runc run", container, Duration.between(container.createdAt(), seen));
                }
                for (HostContainer container : started) {
                    Instant before = Instant.now();
                    runcDelete(runcRoot, container.id());
                    Instant unseen = await(sightings, before, s -> !s.ids().contains(container.id()));
                    report("runc delete", container, Duration.between(before, unseen));
                }
                demo.stop(); // removes the bundles
            }
        }
    }

    /** When the listener first found the condition true after {@code since}, waiting up to the limit for it. */
    private static Instant await(List<Sighting> sightings, Instant since, Predicate<Sighting> condition)
            throws InterruptedException {
        Instant deadline = since.plus(LIMIT);
        while (Instant.now().isBefore(deadline.plusMillis(200))) {
            for (Sighting sighting : sightings) {
                if (sighting.at().isAfter(since) && condition.test(sighting)) {
                    assertThat(sighting.at()).as("listener call within %s", LIMIT).isBefore(deadline);
                    return sighting.at();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("listener never saw the change within " + LIMIT + "; calls: " + sightings);
    }

    private static void runcDelete(Path root, String id) throws Exception {
        Process delete = new ProcessBuilder("runc", "--root", root.toString(), "delete", "-f", id).inheritIO().start();
        assertThat(delete.waitFor(10, TimeUnit.SECONDS) && delete.exitValue() == 0).as("runc delete " + id).isTrue();
    }

    private static void report(String what, HostContainer container, Duration latency) {
        System.out.printf("watcher: %s %s noticed after %d ms%n", what, container.name(), latency.toMillis());
    }
}
