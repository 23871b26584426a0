package io.quayside.model.exposition;

import io.quayside.model.Labels;

/**
 * The OpenMetrics rules for one histogram (or gauge histogram) series group at one timestamp:
 * buckets ascending and cumulative up to {@code +Inf}, {@code _count} equal to the {@code +Inf}
 * bucket, and {@code _sum} only where it can still be a counter.
 */
final class HistogramGroupCheck {
    private Labels group;
    private double time;
    private int lastLine;
    private double bound;
    private double bucketValue;
    private boolean hasBuckets;
    private boolean negativeBuckets;
    private Double count;
    private boolean hasSum;
    private boolean hasGaugeSum;
    private boolean negativeGaugeSum;

    /** @param suffix the sample name after the family name; the sample's labels are already checked */
    void add(SampleLine sample, String suffix, Labels sampleGroup, LineCursor line) {
        if (!sampleGroup.equals(group) || Double.compare(sample.orderTime(), time) != 0) {
            finishGroup();
            start(sampleGroup, sample.orderTime());
        }
        lastLine = line.lineNumber();
        switch (suffix) {
            case "_bucket" -> {
                double le = NumberSyntax.value(sample.labels().get("le"), line, "le");
                if (hasBuckets && le <= bound) {
                    throw line.fail("bucket le=" + sample.labels().get("le") + " is not above the bucket before");
                }
                if (sample.value() < bucketValue) {
                    throw line.fail("bucket counts must not decrease as le grows");
                }
                negativeBuckets |= le < 0;
                hasBuckets = true;
                bound = le;
                bucketValue = sample.value();
            }
            case "_count", "_gcount" -> count = sample.value();
            case "_sum" -> hasSum = true;
            case "_gsum" -> {
                hasGaugeSum = true;
                negativeGaugeSum |= sample.value() < 0;
            }
            default -> {
            }
        }
    }

    private void start(Labels sampleGroup, double sampleTime) {
        group = sampleGroup;
        time = sampleTime;
        bound = 0;
        bucketValue = 0;
        hasBuckets = false;
        negativeBuckets = false;
        count = null;
        hasSum = false;
        hasGaugeSum = false;
        negativeGaugeSum = false;
    }

    /** Checks the group just ended; call once more after the family's last sample. */
    void finishGroup() {
        if (group == null) {
            return;
        }
        String problem = problem();
        if (problem != null) {
            throw new ExpositionParseException(lastLine, problem + " (histogram series " + group + ")");
        }
    }

    private String problem() {
        if (!hasBuckets || bound != Double.POSITIVE_INFINITY) {
            return "the le=\"+Inf\" bucket is missing";
        }
        if (count != null && count != bucketValue) {
            return "count " + count + " differs from the +Inf bucket " + bucketValue;
        }
        if ((hasSum || hasGaugeSum) != (count != null)) {
            return "_count and _sum (_gcount and _gsum) come together or not at all";
        }
        if (negativeBuckets && hasSum) {
            return "a histogram with negative buckets must not have _sum, which would not be a counter";
        }
        if (!negativeBuckets && negativeGaugeSum) {
            return "_gsum is negative although no bucket is";
        }
        return null;
    }
}
