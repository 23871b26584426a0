package io.quayside.functions.discover;

import io.quayside.functions.TestClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.functions.discover.sources.LifecycleEvents;
import io.quayside.functions.discover.sources.TenantMapping;
import io.quayside.functions.store.embedded.EmbeddedStore;
import io.quayside.functions.store.embedded.StateDirectory;
import io.quayside.model.ContainerEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.quayside.functions.TestData.event;
import static io.quayside.functions.TestData.sample;
import static io.quayside.model.ContainerEvent.Kind.CREATED;
import static io.quayside.model.ContainerEvent.Kind.DESTROYED;
import static io.quayside.model.ContainerEvent.Kind.STARTED;
import static io.quayside.model.ContainerEvent.Kind.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration TOMBSTONE_TTL = Duration.ofHours(1);
    private static final Duration STALE_AFTER = Duration.ofMinutes(5);

    @TempDir
    Path state;
    private final TestClock clock = new TestClock(T0.plusSeconds(30));
    private EmbeddedStore store;
    private Discovery discovery;

    @BeforeEach
    void open() {
        store = new EmbeddedStore(new StateDirectory(state, new ObjectMapper().registerModule(new JavaTimeModule())), 60_000);
        discovery = new Discovery(store, store, new DiscoverySettings(TOMBSTONE_TTL, STALE_AFTER, DnsNames.defaults()),
                LifecycleEvents.of(TenantMapping.defaults()), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void sameEventTwiceChangesNothing() {
        assertThat(discovery.apply(event("local", "a", STARTED, T0))).isEqualTo(DiscoveryResult.ADDED);
        clock.advance(Duration.ofSeconds(10));
        assertThat(discovery.apply(event("local", "a", STARTED, T0))).isEqualTo(DiscoveryResult.UNCHANGED);
        assertThat(discovery.apply(event("local", "a", DESTROYED, T0.plusSeconds(5)))).isEqualTo(DiscoveryResult.REMOVED);
        assertThat(discovery.apply(event("local", "a", DESTROYED, T0.plusSeconds(5)))).isEqualTo(DiscoveryResult.UNCHANGED);
        assertThat(store.list("local")).isEmpty();
    }

    @Test
    void olderEventDoesNotOverrideNewerOne() {
        discovery.apply(event("local", "a", STOPPED, T0.plusSeconds(10)));
        assertThat(discovery.apply(event("local", "a", STARTED, T0))).isEqualTo(DiscoveryResult.OUTDATED);
        assertThat(store.find("local", "a").orElseThrow().live()).isFalse();
    }

    @Test
    void stopBeforeStartLeavesTheContainerStopped() {
        assertThat(discovery.apply(event("local", "a", STOPPED, T0.plusSeconds(10)))).isEqualTo(DiscoveryResult.ADDED);
        assertThat(discovery.apply(event("local", "a", CREATED, T0))).isEqualTo(DiscoveryResult.OUTDATED);
        assertThat(discovery.apply(event("local", "a", STARTED, T0.plusSeconds(1)))).isEqualTo(DiscoveryResult.OUTDATED);
        assertThat(store.find("local", "a").orElseThrow().state()).isEqualTo(STOPPED);
    }

    @Test
    void eventsOfTheSameInstantFollowTheLifecycle() {
        discovery.apply(event("local", "a", STARTED, T0));
        assertThat(discovery.apply(event("local", "a", CREATED, T0))).isEqualTo(DiscoveryResult.OUTDATED);
        assertThat(discovery.apply(event("local", "a", DESTROYED, T0))).isEqualTo(DiscoveryResult.REMOVED);
        assertThat(discovery.apply(event("local", "a", STARTED, T0))).isEqualTo(DiscoveryResult.OUTDATED);
    }

    @Test
    void destroyBeforeCreateLeavesATombstoneThatKeepsTheLateCreateOut() {
        assertThat(discovery.apply(event("local", "a", DESTROYED, T0.plusSeconds(20)))).isEqualTo(DiscoveryResult.UNCHANGED);
        assertThat(discovery.apply(event("local", "a", CREATED, T0))).isEqualTo(DiscoveryResult.OUTDATED);
        assertThat(discovery.apply(event("local", "a", STARTED, T0.plusSeconds(1)))).isEqualTo(DiscoveryResult.OUTDATED);
        assertThat(store.find("local", "a")).isEmpty();
        assertThat(store.tombstone("local", "a", clock.instant())).isPresent();
    }

    @Test
    void containerReusingTheIdOfADestroyedOneIsAddedWhileTheTombstoneLasts() {
        discovery.apply(event("local", "web", STARTED, T0));
        discovery.apply(event("local", "web", DESTROYED, T0.plusSeconds(5)));
        assertThat(discovery.apply(event("local", "web", STARTED, T0.plusSeconds(6)))).isEqualTo(DiscoveryResult.ADDED);
        assertThat(store.find("local", "web").orElseThrow().live()).isTrue();
    }

    @Test
    void afterTheTombstoneExpiresANewContainerWithTheSameIdIsAdded() {
        discovery.apply(event("local", "a", DESTROYED, T0.plusSeconds(20)));
        clock.advance(TOMBSTONE_TTL.minusSeconds(1));
        assertThat(discovery.apply(event("local", "a", CREATED, T0.plusSeconds(10)))).isEqualTo(DiscoveryResult.OUTDATED);

        clock.advance(Duration.ofSeconds(1));
        assertThat(store.tombstone("local", "a", clock.instant())).isEmpty();
        Instant later = clock.instant();
        assertThat(discovery.apply(event("local", "a", CREATED, later))).isEqualTo(DiscoveryResult.ADDED);
        assertThat(store.find("local", "a").orElseThrow().updatedAt()).isEqualTo(later);
    }

    @Test
    void containerUnheardOfForLongerThanTheConfiguredTimeIsStale() {
        discovery.apply(event("local", "a", STARTED, T0));
        clock.advance(STALE_AFTER);
        assertThat(discovery.isStale(store.find("local", "a").orElseThrow())).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(discovery.isStale(store.find("local", "a").orElseThrow())).isTrue();

        store.touch("local", "a", clock.instant());
        assertThat(discovery.isStale(store.find("local", "a").orElseThrow())).isFalse();
        clock.advance(STALE_AFTER.plusSeconds(1));
        assertThat(discovery.isStale(store.find("local", "a").orElseThrow())).isTrue();
        assertThat(discovery.apply(event("local", "a", STOPPED, T0.plusSeconds(60)))).isEqualTo(DiscoveryResult.UPDATED);
        assertThat(discovery.isStale(store.find("local", "a").orElseThrow())).isFalse();
    }

    @Test
    void everyContainerGetsAStableDnsNameInItsLabels() {
        discovery.apply(new ContainerEvent("team_a", "n", "c1", "Web_1", "nginx",
                Map.of("io.quayside.service", "Shop Front"), "docker", STARTED, T0));
        discovery.apply(new ContainerEvent("team_a", "n", "c1", "Web_1", "nginx",
                Map.of("io.quayside.service", "Shop Front"), "docker", STOPPED, T0.plusSeconds(1)));
        discovery.apply(new ContainerEvent("local", "n", "c2", "cache", "redis", Map.of(), "docker", STARTED, T0));

        assertThat(store.find("team_a", "c1").orElseThrow().labels())
                .containsEntry(DnsNames.LABEL, "web-1.shop-front.team-a.svc.quayside")
                .containsEntry("io.quayside.service", "Shop Front");
        assertThat(store.find("local", "c2").orElseThrow().labels()).containsEntry(DnsNames.LABEL, "cache.cache.local.svc.quayside");
    }

    @Test
    void destroyRemovesContainerAndItsSamplesOnlyInItsTenant() {
        discovery.apply(event("local", "a", STARTED, T0));
        discovery.apply(event("other", "a", STARTED, T0));
        store.merge("local", "a", List.of(sample("a", "m", 1, 1)));
        store.merge("other", "a", List.of(sample("a", "m", 2, 1)));

        assertThat(discovery.apply(event("local", "a", DESTROYED, T0.plusSeconds(1)))).isEqualTo(DiscoveryResult.REMOVED);

        assertThat(store.find("local", "a")).isEmpty();
        assertThat(store.latest("local", "a")).isEmpty();
        assertThat(store.find("other", "a")).isPresent();
        assertThat(store.latest("other", "a")).hasSize(1);
        assertThat(discovery.apply(event("local", "b", DESTROYED, T0))).isEqualTo(DiscoveryResult.UNCHANGED);
    }
}
