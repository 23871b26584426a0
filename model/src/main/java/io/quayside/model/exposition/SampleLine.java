package io.quayside.model.exposition;

import io.quayside.model.Labels;

/**
 * One sample line taken apart, before the family it belongs to judges it.
 *
 * @param name      the metric name as written
 * @param labels    the labels, {@code __name__} included
 * @param orderTime the timestamp as written (OpenMetrics seconds, full precision) for ordering
 *                  checks, NaN when absent
 */
record SampleLine(String name, Labels labels, double value, long timestampMs, double orderTime, Exemplar exemplar) {
    /** OpenMetrics caps an exemplar's label names and values together, in code points. */
    static final int MAX_EXEMPLAR_LABEL_CODE_POINTS = 128;

    ScrapedSample toSample() {
        return new ScrapedSample(labels, value, timestampMs, exemplar);
    }

    boolean hasTimestamp() {
        return timestampMs != ScrapedSample.NO_TIMESTAMP;
    }

    /** {@code name[{labels}] value [timestamp] [# {labels} value [timestamp]]}, single blanks only. */
    static SampleLine readOpenMetrics(LineCursor line, LabelSetReader labelReader) {
        String name = line.metricName();
        Labels labels = labelReader.read(line, name);
        line.expect(' ', "a blank before the value");
        double value = NumberSyntax.value(line.token(false), line, "value");
        long timestampMs = ScrapedSample.NO_TIMESTAMP;
        double orderTime = Double.NaN;
        Exemplar exemplar = null;
        if (line.skip(' ')) {
            boolean exemplarFollows = line.at('#');
            if (!exemplarFollows) {
                orderTime = seconds(line.token(false), line, "timestamp");
                timestampMs = milliseconds(orderTime);
                exemplarFollows = !line.atEnd();
                if (exemplarFollows) {
                    line.expect(' ', "a blank before an exemplar");
                }
            }
            if (exemplarFollows) {
                exemplar = exemplar(line, labelReader);
            }
        }
        if (!line.atEnd()) {
            throw line.fail("unexpected text after the sample");
        }
        return new SampleLine(name, labels, value, timestampMs, orderTime, exemplar);
    }

    private static Exemplar exemplar(LineCursor line, LabelSetReader labelReader) {
        line.expect('#', "'#' before an exemplar");
        line.expect(' ', "a blank after the exemplar's '#'");
        if (!line.at('{')) {
            throw line.fail("expected the exemplar's label set in braces");
        }
        Labels labels = labelReader.read(line, null);
        int codePoints = 0;
        for (int i = 0; i < labels.size(); i++) {
            codePoints += labels.name(i).codePointCount(0, labels.name(i).length())
                    + labels.value(i).codePointCount(0, labels.value(i).length());
        }
        if (codePoints > MAX_EXEMPLAR_LABEL_CODE_POINTS) {
            throw line.fail("exemplar labels have " + codePoints + " characters, more than " + MAX_EXEMPLAR_LABEL_CODE_POINTS);
        }
        line.expect(' ', "a blank before the exemplar value");
        double value = NumberSyntax.value(line.token(false), line, "exemplar value");
        long timestampMs = line.skip(' ')
                ? milliseconds(seconds(line.token(false), line, "exemplar timestamp"))
                : ScrapedSample.NO_TIMESTAMP;
        return new Exemplar(labels, value, timestampMs);
    }

    /** {@code name[{labels}] value [timestamp]}, with any run of blanks or tabs between tokens. */
    static SampleLine readPrometheusText(LineCursor line, LabelSetReader labelReader) {
        String name = line.metricName();
        line.skipBlanks();
        Labels labels = labelReader.read(line, name);
        line.skipBlanks();
        double value = NumberSyntax.value(line.token(true), line, "value");
        line.skipBlanks();
        long timestampMs = ScrapedSample.NO_TIMESTAMP;
        if (!line.atEnd()) {
            timestampMs = Math.max(NumberSyntax.milliseconds(line.token(true), line), Long.MIN_VALUE + 1);
            line.skipBlanks();
        }
        if (!line.atEnd()) {
            throw line.fail("unexpected text after the timestamp");
        }
        return new SampleLine(name, labels, value, timestampMs, Double.NaN, null);
    }

    private static double seconds(String token, LineCursor line, String what) {
        double seconds = NumberSyntax.realNumber(token, line, what);
        if (Double.isInfinite(seconds)) {
            throw line.fail(what + " out of range: '" + token + "'");
        }
        return seconds;
    }

    /** Rounded, not truncated, so that 1.001 seconds (0.1000999… in binary) is 1001 ms; saturated at the extremes. */
    private static long milliseconds(double seconds) {
        return Math.max(Math.round(seconds * 1000), Long.MIN_VALUE + 1);
    }
}
