package io.quayside.model.exposition;

import java.util.List;

/**
 * Parses what an application answers to a scrape, in either text format.
 *
 * <p>OpenMetrics 1.0 is checked against every rule of its specification (the suite in
 * OpenObservability/OpenMetrics passes): {@code # EOF}, metadata placement, name clashes, series
 * grouping and timestamp order, counter, histogram, summary, info and stateset values, exemplar
 * syntax and placement, units. Timestamps there are seconds with a fraction. Prometheus text 0.0.4
 * is read as Prometheus scrapes it: blank lines and comments allowed, any blanks between tokens,
 * a trailing comma in label sets, millisecond timestamps, no value rules and no {@code # EOF}.
 *
 * <p>Exemplars are parsed, checked and kept on their samples. A sample repeated with the same
 * labels and time within its group is dropped, as the reference parser does. Lines and label sets
 * are bounded so that garbage costs little; any problem is an {@link ExpositionParseException}
 * naming the line. Instances are immutable and thread-safe.
 */
public final class ExpositionParser {
    public static final int DEFAULT_MAX_LINE_CHARS = 1 << 16;
    public static final int DEFAULT_MAX_LABELS = 128;

    private final ExpositionFormat format;
    private final int maxLineChars;
    private final int maxLabels;

    public ExpositionParser(ExpositionFormat format) {
        this(format, DEFAULT_MAX_LINE_CHARS, DEFAULT_MAX_LABELS);
    }

    /**
     * @param maxLineChars longest line accepted
     * @param maxLabels    most labels on one sample, the metric name not counted
     */
    public ExpositionParser(ExpositionFormat format, int maxLineChars, int maxLabels) {
        if (maxLineChars < 1 || maxLabels < 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxLineChars + " chars, " + maxLabels + " labels");
        }
        this.format = format;
        this.maxLineChars = maxLineChars;
        this.maxLabels = maxLabels;
    }

    /** The families in the order written; in Prometheus text a family written twice appears twice. */
    public List<ScrapedFamily> parse(String text) {
        return new ExpositionReader(format, maxLineChars, maxLabels).read(text);
    }

    public ExpositionFormat format() {
        return format;
    }
}
