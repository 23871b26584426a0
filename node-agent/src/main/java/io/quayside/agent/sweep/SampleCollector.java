package io.quayside.agent.sweep;

import io.quayside.model.ContainerLabels;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.Sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Gathers one container's samples during a sweep. Every sample gets the container's labels and the
 * sweep's timestamp; read failures are counted by reason instead of failing the sweep.
 */
public final class SampleCollector {
    private final Labels containerLabels;
    private final long timestampMs;
    private final List<Sample> samples = new ArrayList<>();
    private final Set<MetricFamily> families = new LinkedHashSet<>();
    private final Map<String, Integer> readErrors = new TreeMap<>();

    public SampleCollector(Labels containerLabels, long timestampMs) {
        this.containerLabels = containerLabels;
        this.timestampMs = timestampMs;
    }

    public void add(MetricFamily family, double value) {
        families.add(family);
        samples.add(new Sample(containerLabels.with(Labels.METRIC_NAME, family.name()), value, timestampMs));
    }

    /** A cgroup or proc file holding one integer; empty (and counted) when it cannot be read. */
    public OptionalLong readLong(String file) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(Path.of(file)).trim()));
        } catch (NoSuchFileException e) {
            countError("missing_file");
        } catch (IOException e) {
            countError("io_error");
        } catch (NumberFormatException e) {
            countError("unparsable");
        }
        return OptionalLong.empty();
    }

    private void countError(String reason) {
        readErrors.merge(reason, 1, Integer::sum);
    }

    public String containerId() {
        return containerLabels.get(ContainerLabels.ID);
    }

    List<Sample> samples() {
        return samples;
    }

    Set<MetricFamily> families() {
        return families;
    }

    Map<String, Integer> readErrors() {
        return readErrors;
    }
}
