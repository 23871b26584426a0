package io.quayside.model.exposition;

import io.quayside.model.Escaping;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes samples as OpenMetrics 1.0 text, for scrapers that ask for it. Quayside keeps metadata per
 * series name, so a counter {@code foo_total} is written as family {@code foo} of type counter.
 * Whatever OpenMetrics would reject as a typed family is written as {@code unknown} under its own
 * name instead, so that series keep the names they have in Prometheus text: a counter without the
 * {@code _total} suffix, with a NaN or negative value, or whose family name another series already
 * uses; and histograms and summaries, which Quayside holds as separate series rather than groups.
 */
public final class OpenMetricsWriter {
    public static final String CONTENT_TYPE = ExpositionFormat.OPENMETRICS.contentType();

    private static final Comparator<Sample> BY_FAMILY_SERIES_TIME = PrometheusTextWriter.BY_FAMILY_THEN_SERIES
            .thenComparingLong(Sample::timestampMs);

    /** The base units of the specification, announced with {@code # UNIT} when a name ends in one. */
    private static final List<String> BASE_UNITS = List.of("seconds", "bytes", "ratio", "joules", "grams",
            "meters", "volts", "amperes", "celsius");

    private OpenMetricsWriter() {
    }

    /**
     * @param families metadata by series name; series without it are written without metadata
     * @param samples  any order; stale markers are left out
     */
    public static String write(Map<String, MetricFamily> families, List<Sample> samples) {
        List<Sample> sorted = PrometheusTextWriter.liveSamples(samples);
        sorted.sort(BY_FAMILY_SERIES_TIME);
        Set<String> names = new HashSet<>();
        sorted.forEach(sample -> names.add(sample.metricName()));
        StringBuilder out = new StringBuilder(sorted.size() * 96 + 6);
        for (int start = 0, end; start < sorted.size(); start = end) {
            String name = sorted.get(start).metricName();
            end = start + 1;
            while (end < sorted.size() && sorted.get(end).metricName().equals(name)) {
                end++;
            }
            List<Sample> series = sorted.subList(start, end);
            MetricFamily family = families.get(name);
            if (family != null) {
                writeHeader(family, series, names, out);
            }
            for (Sample sample : series) {
                PrometheusTextWriter.writeSeriesAndValue(sample, out);
                out.append(' ');
                writeSeconds(sample.timestampMs(), out);
                out.append('\n');
            }
        }
        return out.append("# EOF\n").toString();
    }

    private static void writeHeader(MetricFamily family, List<Sample> series, Set<String> names, StringBuilder out) {
        String stem = counterStem(family, series, names);
        String name = stem == null ? family.name() : stem;
        String type = stem != null ? "counter" : family.type() == MetricType.GAUGE ? "gauge" : "unknown";
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        if (!family.help().isEmpty()) {
            out.append("# HELP ").append(name).append(' ');
            Escaping.labelValue(family.help(), out);
            out.append('\n');
        }
        for (String unit : BASE_UNITS) {
            if (name.endsWith("_" + unit)) {
                out.append("# UNIT ").append(name).append(' ').append(unit).append('\n');
            }
        }
    }

    /** The family name a counter can have in OpenMetrics, or null when it must be written as unknown. */
    private static String counterStem(MetricFamily family, List<Sample> series, Set<String> names) {
        if (family.type() != MetricType.COUNTER || !family.name().endsWith("_total")) {
            return null;
        }
        String stem = family.name().substring(0, family.name().length() - "_total".length());
        if (stem.isEmpty() || names.contains(stem) || names.contains(stem + "_created")) {
            return null;
        }
        for (Sample sample : series) {
            if (!(sample.value() >= 0)) {
                return null;
            }
        }
        return stem;
    }

    /** OpenMetrics times are seconds; milliseconds are written exactly, as a decimal fraction. */
    private static void writeSeconds(long timestampMs, StringBuilder out) {
        if (timestampMs % 1000 == 0) {
            out.append(timestampMs / 1000);
        } else {
            out.append(BigDecimal.valueOf(timestampMs, 3).stripTrailingZeros().toPlainString());
        }
    }
}
