package io.quayside.functions.gateway;

import io.quayside.functions.store.Container;
import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.model.MetricFamily;
import io.quayside.model.Sample;
import io.quayside.model.exposition.ExpositionFormat;
import io.quayside.model.exposition.OpenMetricsWriter;
import io.quayside.model.exposition.PrometheusTextWriter;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The latest samples of one tenant as scrapes and federation serve them: in the format the caller
 * prefers, within the series limit. Reads only that tenant's containers, so no route built on it
 * can leak another tenant's series.
 */
@Singleton
public class LatestExposition {
    private final ContainerRegistry registry;
    private final LatestSamples latest;
    private final SeriesLimit limit;

    public LatestExposition(ContainerRegistry registry, LatestSamples latest,
                            @ConfigProperty(name = SeriesLimit.PROPERTY, defaultValue = "100000") int maxSeries) {
        this.registry = registry;
        this.latest = latest;
        this.limit = new SeriesLimit(maxSeries);
    }

    /** Every series of every container the tenant has. */
    public List<Sample> ofTenant(String tenant) {
        List<Sample> samples = new ArrayList<>();
        for (Container container : registry.list(tenant)) {
            samples.addAll(latest.latest(tenant, container.id()));
        }
        return samples;
    }

    /** @throws GatewayException 404 when the tenant has no such container */
    public List<Sample> ofContainer(String tenant, String containerId) {
        if (registry.find(tenant, containerId).isEmpty()) {
            throw new GatewayException(404, "unknown container '" + containerId + "' in tenant '" + tenant + "'");
        }
        return latest.latest(tenant, containerId);
    }

    /** @param accept the request's Accept header, or null */
    public GatewayAnswer respond(String tenant, List<Sample> samples, String accept) {
        limit.check(samples.size()); // one latest sample per series
        ExpositionFormat format = ExpositionNegotiation.choose(accept);
        Map<String, MetricFamily> families = latest.families(tenant);
        String body = format == ExpositionFormat.OPENMETRICS ? OpenMetricsWriter.write(families, samples)
                : PrometheusTextWriter.write(families, samples);
        return GatewayAnswer.text(200, format.contentType(), body);
    }
}
