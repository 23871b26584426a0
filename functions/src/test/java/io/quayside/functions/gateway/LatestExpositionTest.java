package io.quayside.functions.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.functions.store.Container;
import io.quayside.functions.store.embedded.EmbeddedStore;
import io.quayside.functions.store.embedded.StateDirectory;
import io.quayside.model.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.quayside.functions.TestData.event;
import static io.quayside.functions.TestData.sample;
import static io.quayside.model.ContainerEvent.Kind.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scrapes and federation read one tenant's latest samples only, even where container ids coincide. */
class LatestExpositionTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Sample LOCAL_CPU = sample("shared-id", "cpu", 1, 1000);
    private static final Sample OTHER_CPU = sample("shared-id", "cpu", 99, 1000);
    private static final Sample OTHER_ONLY = sample("other-only", "cpu", 98, 1000);

    @TempDir
    Path state;
    private EmbeddedStore store;

    @BeforeEach
    void open() {
        store = new EmbeddedStore(new StateDirectory(state, new ObjectMapper().registerModule(new JavaTimeModule())), 60_000);
        store.put(Container.from(event("local", "shared-id", STARTED, T0)));
        store.put(Container.from(event("other", "shared-id", STARTED, T0)));
        store.put(Container.from(event("other", "other-only", STARTED, T0)));
        store.merge("local", "shared-id", List.of(LOCAL_CPU));
        store.merge("other", "shared-id", List.of(OTHER_CPU));
        store.merge("other", "other-only", List.of(OTHER_ONLY));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aTenantSeesOnlyItsOwnContainersSeries() {
        LatestExposition exposition = new LatestExposition(store, store, 100);

        assertThat(exposition.ofTenant("local")).containsExactly(LOCAL_CPU);
        assertThat(FederationMatch.parse(List.of("{__name__=~\".+\"}")).filter(exposition.ofTenant("local")))
                .containsExactly(LOCAL_CPU);
        assertThat(exposition.ofContainer("local", "shared-id")).containsExactly(LOCAL_CPU);
        assertThatThrownBy(() -> exposition.ofContainer("local", "other-only")).isInstanceOf(GatewayException.class)
                .extracting("status").isEqualTo(404);
    }

    @Test
    void answersInTheNegotiatedFormatWithinTheSeriesLimit() {
        LatestExposition twoSeries = new LatestExposition(store, store, 2);
        GatewayAnswer answer = twoSeries.respond("other", twoSeries.ofTenant("other"), ScrapeRoutesTest.PROMETHEUS_ACCEPT);
        assertThat(answer.contentType()).startsWith("application/openmetrics-text");
        assertThat(answer.bodyText()).contains("cpu{id=\"other-only\"} 98 1\n").endsWith("# EOF\n");

        LatestExposition oneSeries = new LatestExposition(store, store, 1);
        assertThatThrownBy(() -> oneSeries.respond("other", oneSeries.ofTenant("other"), null))
                .isInstanceOf(GatewayException.class).hasMessageContaining("would hold 2 series, more than the limit of 1")
                .extracting("status").isEqualTo(422);
    }
}
