package io.quayside.model.exposition;

import io.quayside.model.Escaping;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes samples in the Prometheus text exposition format 0.0.4: series grouped by family,
 * {@code # HELP} and {@code # TYPE} once per family, with sample timestamps kept so that a scrape
 * records each value at the time the agent measured it (as federation does).
 */
public final class PrometheusTextWriter {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * Name first, so each family is one block: ordering by the label set alone would put a label
     * that sorts before {@code __name__} (say {@code Zone}) first and split a family in two.
     */
    static final Comparator<Sample> BY_FAMILY_THEN_SERIES = Comparator.comparing(Sample::metricName)
            .thenComparing(Sample::labels);

    private PrometheusTextWriter() {
    }

    /**
     * @param families metadata by metric name; families without it are written untyped
     * @param samples  any order; stale markers are left out, as they end a series rather than give a value
     */
    public static String write(Map<String, MetricFamily> families, List<Sample> samples) {
        List<Sample> sorted = liveSamples(samples);
        sorted.sort(BY_FAMILY_THEN_SERIES);
        StringBuilder out = new StringBuilder(sorted.size() * 96);
        String family = null;
        for (Sample sample : sorted) {
            String name = sample.metricName();
            if (!name.equals(family)) {
                family = name;
                writeHeader(name, families.get(name), out);
            }
            writeSeriesAndValue(sample, out);
            out.append(' ').append(sample.timestampMs()).append('\n');
        }
        return out.toString();
    }

    /** A modifiable copy without stale markers and nameless samples; shared with {@link OpenMetricsWriter}. */
    static List<Sample> liveSamples(List<Sample> samples) {
        List<Sample> sorted = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            if (!sample.isStale() && sample.metricName() != null) {
                sorted.add(sample);
            }
        }
        return sorted;
    }

    private static void writeHeader(String name, MetricFamily family, StringBuilder out) {
        if (family == null) {
            return;
        }
        if (!family.help().isEmpty()) {
            out.append("# HELP ").append(name).append(' ');
            Escaping.help(family.help(), out);
            out.append('\n');
        }
        out.append("# TYPE ").append(name).append(' ').append(family.type().exposition()).append('\n');
    }

    /** {@code name{labels} value}, the same in both text formats. */
    static void writeSeriesAndValue(Sample sample, StringBuilder out) {
        Labels labels = sample.labels();
        out.append(sample.metricName());
        boolean open = false;
        for (int i = 0; i < labels.size(); i++) {
            String name = labels.name(i);
            if (name.equals(Labels.METRIC_NAME)) {
                continue;
            }
            out.append(open ? ',' : '{').append(name).append("=\"");
            Escaping.labelValue(labels.value(i), out);
            out.append('"');
            open = true;
        }
        if (open) {
            out.append('}');
        }
        out.append(' ');
        formatValue(sample.value(), out);
    }

    /** Go's float formatting as Prometheus parses it: integers without a fraction, NaN and ±Inf by name. */
    static void formatValue(double value, StringBuilder out) {
        if (Double.isNaN(value)) {
            out.append("NaN");
        } else if (Double.isInfinite(value)) {
            out.append(value > 0 ? "+Inf" : "-Inf");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(value);
        }
    }
}
