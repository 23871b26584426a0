package io.quayside.functions.discover;

import io.quayside.functions.TestClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.functions.discover.sources.LifecycleEvents;
import io.quayside.functions.discover.sources.TenantMapping;
import io.quayside.functions.store.embedded.EmbeddedStore;
import io.quayside.functions.store.embedded.StateDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every payload under {@code events/} through the dispatcher into a registry, delivered as queues do. */
class EventFilesReplayTest {
    private static final TenantMapping TENANTS = new TenantMapping(TenantMapping.TENANT_LABEL,
            Map.of("111122223333", "acme"), Optional.empty());
    /** The containers whose files hold no event that ends them: the two CloudEvents' ones. */
    private static final List<String> SURVIVORS = List.of(
            "shop-cache-1.cache.local.svc.quayside", "worker.orders.local.svc.quayside");
    private static final Predicate<Path> ENDING = file -> Stream.of("destroy", "die", "stopped")
            .anyMatch(file.getFileName().toString()::contains);

    @TempDir
    Path state;

    private List<String> replay(List<Path> files) {
        try (EmbeddedStore store = new EmbeddedStore(new StateDirectory(state.resolve(String.valueOf(System.nanoTime())),
                new ObjectMapper().registerModule(new JavaTimeModule())), 60_000)) {
            Discovery discovery = new Discovery(store, store, DiscoverySettings.defaults(), LifecycleEvents.of(TENANTS),
                    new TestClock(Instant.parse("2026-11-21T12:00:00Z")));
            files.forEach(file -> discovery.apply(EventFiles.read(file)));
            return Stream.of("local", "acme").flatMap(tenant -> store.list(tenant).stream())
                    .map(container -> container.labels().get(DnsNames.LABEL)).sorted().toList();
        }
    }

    @Test
    void everySourceHasPayloads() {
        assertThat(EventFiles.all()).extracting(file -> file.getName(0).toString())
                .contains("quayside", "docker", "ecs", "cloudevents");
    }

    @Test
    void startingPayloadsRegisterTheirContainers() {
        assertThat(replay(EventFiles.all().stream().filter(ENDING.negate()).toList())).containsExactly(
                "log-router.shop-web.acme.svc.quayside",
                "shop-cache-1.cache.local.svc.quayside",
                "shop-web-1.web.local.svc.quayside",
                "web.shop-web.acme.svc.quayside",
                "web.web.local.svc.quayside",
                "worker.orders.local.svc.quayside");
    }

    @Test
    void allPayloadsInAnyOrderAndDeliveredTwiceLeaveTheSameRegistry() {
        List<Path> files = EventFiles.all();
        assertThat(replay(files)).containsExactlyElementsOf(SURVIVORS);

        List<Path> reversed = new ArrayList<>(files);
        Collections.reverse(reversed);
        assertThat(replay(reversed)).containsExactlyElementsOf(SURVIVORS);

        for (long seed = 1; seed <= 5; seed++) {
            List<Path> shuffled = new ArrayList<>(files);
            shuffled.addAll(files);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(replay(shuffled)).as("seed %d: %s", seed, shuffled).containsExactlyElementsOf(SURVIVORS);
        }
    }
}
