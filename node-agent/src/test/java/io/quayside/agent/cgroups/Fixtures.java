package io.quayside.agent.cgroups;

import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.ContainerFiles;
import io.quayside.agent.sweep.OpenContainerFiles;
import io.quayside.agent.sweep.SampleCollector;
import io.quayside.model.ContainerLabels;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The recorded and written hierarchies under {@code src/test/resources/fixtures}, and how tests read samples. */
public final class Fixtures {
    private static final Set<String> COLLECTOR_LABELS = Set.of(Labels.METRIC_NAME, ContainerLabels.ID,
            ContainerLabels.NAME, ContainerLabels.IMAGE, ContainerLabels.NODE);

    private Fixtures() {
    }

    public static Path root(String fixture) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + fixture).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A container of a fixture, from the runc state recorded (or written) with it. */
    public static HostContainer container(String fixture, String id) {
        Path root = root(fixture);
        try {
            return RuncState.read(root.resolve("runc").resolve(id).resolve("state.json"), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SampleCollector collector(HostContainer container) {
        return collector(container, ContainerFiles.NONE);
    }

    private static SampleCollector collector(HostContainer container, ContainerFiles files) {
        return new SampleCollector(Labels.of(ContainerLabels.ID, container.id(), ContainerLabels.NAME, container.name(),
                ContainerLabels.IMAGE, container.image(), ContainerLabels.NODE, "node-1"), 1_000L, files);
    }

    /** One sweep's sampling, through kept-open files as the agent reads them. */
    public static SampleCollector sample(List<CgroupSampler> samplers, HostContainer container) {
        try (OpenContainerFiles files = new OpenContainerFiles(100)) {
            return sample(samplers, container, files.of(container));
        }
    }

    /** A sweep's sampling through the container's files that earlier sweeps kept open. */
    public static SampleCollector sample(List<CgroupSampler> samplers, HostContainer container, ContainerFiles files) {
        SampleCollector out = collector(container, files);
        samplers.forEach(sampler -> sampler.sample(container, out));
        return out;
    }

    /**
     * Every sample as {@code name{label=value,...} -> value}, with only the labels a sampler added (the
     * collector's own are left out), so a test states exactly which series exist.
     */
    public static Map<String, Double> series(SampleCollector out) {
        Map<String, Double> series = new TreeMap<>();
        for (Sample sample : out.samples()) {
            StringBuilder key = new StringBuilder(sample.metricName()).append('{');
            Labels labels = sample.labels();
            for (int i = 0; i < labels.size(); i++) {
                if (!COLLECTOR_LABELS.contains(labels.name(i))) {
                    key.append(key.charAt(key.length() - 1) == '{' ? "" : ",").append(labels.name(i)).append('=').append(labels.value(i));
                }
            }
            Double previous = series.put(key.append('}').toString(), sample.value());
            if (previous != null) {
                throw new AssertionError("series sampled twice: " + key);
            }
        }
        return series;
    }
}
