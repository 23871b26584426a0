package io.quayside.functions.discover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.functions.store.embedded.EmbeddedStore;
import io.quayside.functions.store.embedded.StateDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.quayside.functions.TestData.event;
import static io.quayside.functions.TestData.sample;
import static io.quayside.model.ContainerEvent.Kind.DESTROYED;
import static io.quayside.model.ContainerEvent.Kind.STARTED;
import static io.quayside.model.ContainerEvent.Kind.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir
    Path state;
    private EmbeddedStore store;
    private Discovery discovery;

    private Discovery discovery() {
        store = new EmbeddedStore(new StateDirectory(state, new ObjectMapper().registerModule(new JavaTimeModule())), 60_000);
        discovery = new Discovery(store, store);
        return discovery;
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void sameEventTwiceChangesNothing() {
        discovery();
        assertThat(discovery.apply(event("local", "a", STARTED, T0))).isEqualTo(DiscoveryResult.ADDED);
        assertThat(discovery.apply(event("local", "a", STARTED, T0))).isEqualTo(DiscoveryResult.UNCHANGED);
        assertThat(store.list("local")).hasSize(1);
    }

    @Test
    void olderEventDoesNotOverrideNewerOne() {
        discovery();
        discovery.apply(event("local", "a", STOPPED, T0.plusSeconds(10)));
        assertThat(discovery.apply(event("local", "a", STARTED, T0))).isEqualTo(DiscoveryResult.OUTDATED);
        assertThat(store.find("local", "a").orElseThrow().live()).isFalse();
    }

    @Test
    void destroyRemovesContainerAndItsSamplesOnlyInItsTenant() {
        discovery();
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
