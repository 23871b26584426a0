package io.quayside.model.exposition;

import io.quayside.model.MetricType;

import java.util.List;
import java.util.Locale;

/** The family types of both text formats, with the sample-name suffixes each type allows. */
public enum FamilyType {
    COUNTER(MetricType.COUNTER, List.of("_total", "_created"), List.of("")),
    GAUGE(MetricType.GAUGE, List.of(""), List.of("")),
    HISTOGRAM(MetricType.HISTOGRAM, List.of("_count", "_sum", "_bucket", "_created"), List.of("_bucket", "_sum", "_count")),
    /** A histogram of values that go down as well as up (queue wait times now), OpenMetrics only. */
    GAUGEHISTOGRAM(MetricType.HISTOGRAM, List.of("_gcount", "_gsum", "_bucket"), List.of()),
    SUMMARY(MetricType.SUMMARY, List.of("", "_count", "_sum", "_created"), List.of("", "_sum", "_count")),
    /** Constant facts as labels on a value of 1, OpenMetrics only. */
    INFO(MetricType.GAUGE, List.of("_info"), List.of()),
    /** One 0/1 sample per state, the state in a label named like the family, OpenMetrics only. */
    STATESET(MetricType.GAUGE, List.of(""), List.of()),
    /** OpenMetrics' unknown and Prometheus text's untyped. */
    UNKNOWN(MetricType.UNTYPED, List.of(""), List.of(""));

    private final MetricType metricType;
    private final List<String> openMetricsSuffixes;
    private final List<String> prometheusSuffixes;

    FamilyType(MetricType metricType, List<String> openMetricsSuffixes, List<String> prometheusSuffixes) {
        this.metricType = metricType;
        this.openMetricsSuffixes = openMetricsSuffixes;
        this.prometheusSuffixes = prometheusSuffixes;
    }

    /**
     * The nearest Quayside type, as the Python reference client maps OpenMetrics onto Prometheus text:
     * info and stateset become gauges, a gauge histogram keeps the histogram's shape.
     */
    public MetricType metricType() {
        return metricType;
    }

    /** Suffixes a sample name may add to the family name; the empty string allows the name itself. */
    public List<String> sampleSuffixes(ExpositionFormat format) {
        return format == ExpositionFormat.OPENMETRICS ? openMetricsSuffixes : prometheusSuffixes;
    }

    /** The word in a {@code # TYPE} line, or null when the format has no such type. */
    static FamilyType fromWord(String word, ExpositionFormat format) {
        if (format == ExpositionFormat.PROMETHEUS_TEXT) {
            return switch (word) {
                case "counter" -> COUNTER;
                case "gauge" -> GAUGE;
                case "histogram" -> HISTOGRAM;
                case "summary" -> SUMMARY;
                case "untyped" -> UNKNOWN;
                default -> null;
            };
        }
        for (FamilyType type : values()) {
            if (type.exposition().equals(word)) {
                return type;
            }
        }
        return null;
    }

    /** The word OpenMetrics uses in {@code # TYPE} lines. */
    public String exposition() {
        return name().toLowerCase(Locale.ROOT);
    }
}
