package io.quayside.functions.store;

import io.quayside.model.MetricFamily;
import io.quayside.model.Sample;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The newest sample of every series, per tenant and container: what a scrape returns. */
public interface LatestSamples {
    /**
     * Merges samples of one container: a newer sample replaces the series' value, an older one is
     * ignored, a staleness marker ends the series.
     */
    void merge(String tenant, String containerId, Collection<Sample> samples);

    /**
     * Merges one node's batch, container by container, as {@link #merge} does. An adapter that pays
     * per write keeps a node's containers together; a container merged from another node than before
     * keeps its series, as if merged on its own.
     */
    default void mergeBatch(String tenant, String node, Map<String, List<Sample>> byContainer) {
        byContainer.forEach((containerId, samples) -> merge(tenant, containerId, samples));
    }

    /** Type and help of the tenant's metric families; later metadata replaces earlier. */
    void describe(String tenant, Collection<MetricFamily> families);

    List<Sample> latest(String tenant, String containerId);

    Map<String, MetricFamily> families(String tenant);

    /** Forgets a destroyed container's series. */
    void drop(String tenant, String containerId);
}
