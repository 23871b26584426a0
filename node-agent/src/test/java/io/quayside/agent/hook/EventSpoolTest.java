package io.quayside.agent.hook;

import io.quayside.model.ContainerEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventSpoolTest {
    private static final Instant T0 = Instant.parse("2026-11-21T06:30:00Z");

    @TempDir
    Path dir;

    @Test
    void givesEventsBackOldestFirstUntilConfirmed() throws Exception {
        // Spooled out of name order within a second: the nanoseconds must keep them in time order.
        spoolAt(T0.plusSeconds(10), event("c", ContainerEvent.Kind.DESTROYED));
        spoolAt(T0.plusNanos(5), event("b", ContainerEvent.Kind.STARTED));
        spoolAt(T0, event("a", ContainerEvent.Kind.CREATED));
        EventSpool spool = new EventSpool(dir, Clock.systemUTC());

        List<EventSpool.Spooled> first = spool.oldest(2);
        assertThat(first).extracting(spooled -> spooled.event().containerId()).containsExactly("a", "b");
        assertThat(first.get(0).event()).isEqualTo(event("a", ContainerEvent.Kind.CREATED));
        spool.confirm(first.get(0));
        assertThat(spool.oldest(10)).extracting(spooled -> spooled.event().containerId()).containsExactly("b", "c");
    }

    @Test
    void eventsSpooledAtTheSameInstantAreAllKeptInTheirOrder() throws Exception {
        EventSpool spool = new EventSpool(dir, Clock.fixed(T0, ZoneOffset.UTC));
        for (int i = 0; i < 12; i++) {
            spool.add(event("c" + i, ContainerEvent.Kind.STARTED));
        }

        assertThat(spool.oldest(20)).extracting(spooled -> spooled.event().containerId())
                .containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11");
    }

    @Test
    void setsAsideWhatIsNotAnEventAndIgnoresPartialWrites() throws Exception {
        spoolAt(T0, event("a", ContainerEvent.Kind.STARTED));
        Files.writeString(dir.resolve("0000000000000000001-garbage.json"), "{\"kind\":\"exploded\"}");
        Files.writeString(dir.resolve(".1795244794137330728-deadbeef.partial"), "{\"tena");

        assertThat(new EventSpool(dir, Clock.systemUTC()).oldest(10)).singleElement()
                .satisfies(spooled -> assertThat(spooled.event().containerId()).isEqualTo("a"));
        assertThat(dir.resolve("0000000000000000001-garbage.json.bad")).exists();
    }

    @Test
    void anAbsentSpoolIsEmpty() throws Exception {
        assertThat(new EventSpool(dir.resolve("never-written"), Clock.systemUTC()).oldest(10)).isEmpty();
    }

    private void spoolAt(Instant at, ContainerEvent event) throws Exception {
        new EventSpool(dir, Clock.fixed(at, ZoneOffset.UTC)).add(event);
    }

    static ContainerEvent event(String id, ContainerEvent.Kind kind) {
        return new ContainerEvent("acme", "node-1", id, "web", "busybox:1.36", Map.of("team", "core"), "runc", kind,
                Instant.parse("2026-11-21T06:29:59.123456789Z"));
    }
}
