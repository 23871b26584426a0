package io.quayside.model.exposition;

import io.quayside.model.Labels;

import java.util.Arrays;

/**
 * Reads {@code {name="value",...}} into sorted {@link Labels} without a map per line: names are
 * insertion-sorted in a small array, which also finds a repeated name.
 */
final class LabelSetReader {
    private final boolean lenient;
    private final int maxLabels;

    /**
     * @param lenient   Prometheus text: blanks around tokens and a trailing comma allowed
     * @param maxLabels most labels one set may have, the metric name not counted
     */
    LabelSetReader(boolean lenient, int maxLabels) {
        this.lenient = lenient;
        this.maxLabels = maxLabels;
    }

    /** An absent label set reads as empty; a metric name, if given, becomes {@code __name__}. */
    Labels read(LineCursor line, String metricName) {
        String[] pairs = new String[8];
        int size = 0;
        if (metricName != null) {
            pairs[size++] = Labels.METRIC_NAME;
            pairs[size++] = metricName;
        }
        if (!line.skip('{')) {
            return sorted(pairs, size, line);
        }
        blanks(line);
        if (line.skip('}')) {
            return sorted(pairs, size, line);
        }
        do {
            blanks(line);
            if (lenient && line.at('}')) {
                break;
            }
            String name = line.labelName();
            if (name.equals(Labels.METRIC_NAME)) {
                throw line.fail("label name " + Labels.METRIC_NAME + " is reserved for the metric name");
            }
            blanks(line);
            line.expect('=', "'=' after label name " + name);
            blanks(line);
            String value = line.quotedValue();
            blanks(line);
            if (size / 2 - (metricName == null ? 0 : 1) >= maxLabels) {
                throw line.fail("more than " + maxLabels + " labels");
            }
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, size * 2);
            }
            pairs[size++] = name;
            pairs[size++] = value;
        } while (line.skip(','));
        line.expect('}', "',' or '}' after a label");
        return sorted(pairs, size, line);
    }

    private void blanks(LineCursor line) {
        if (lenient) {
            line.skipBlanks();
        }
    }

    private static Labels sorted(String[] pairs, int size, LineCursor line) {
        for (int i = 2; i < size; i += 2) {
            String name = pairs[i];
            String value = pairs[i + 1];
            int j = i - 2;
            for (; j >= 0 && pairs[j].compareTo(name) >= 0; j -= 2) {
                if (pairs[j].equals(name)) {
                    throw line.fail("label " + name + " appears twice");
                }
                pairs[j + 2] = pairs[j];
                pairs[j + 3] = pairs[j + 1];
            }
            pairs[j + 2] = name;
            pairs[j + 3] = value;
        }
        String[] exact = Arrays.copyOf(pairs, size);
        for (int i = 0; i < size; i += 2) {
            exact[i] = exact[i].intern();
        }
        return Labels.ofSortedPairs(exact);
    }
}
