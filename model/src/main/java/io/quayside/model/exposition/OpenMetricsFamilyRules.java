package io.quayside.model.exposition;

import io.quayside.model.Labels;

import java.util.HashSet;
import java.util.Set;

/**
 * The OpenMetrics rules one family's samples must keep, checked as each arrives: the labels its type
 * requires, values a counter or bucket can have, exemplars only where allowed, and each series group
 * written together with timestamps that do not go back.
 */
final class OpenMetricsFamilyRules {
    private final String family;
    private final FamilyType type;
    private final HistogramGroupCheck histogram;
    private final Set<Labels> seenGroups = new HashSet<>();
    private final Set<Labels> seriesAtGroupTime = new HashSet<>();
    private Labels group;
    private double groupTime;

    OpenMetricsFamilyRules(String family, FamilyType type) {
        this.family = family;
        this.type = type;
        this.histogram = isHistogram() ? new HistogramGroupCheck() : null;
    }

    /**
     * @return false for a repeat of a series at the same time, which is dropped, as the reference
     *         parser drops what may be two timestamps that were rounded together
     */
    boolean admit(SampleLine sample, LineCursor line) {
        String suffix = sample.name().substring(family.length());
        SampleValueRules.checkLabels(sample, suffix, family, type, line);
        Labels sampleGroup = groupOf(sample, suffix);
        boolean sameGroup = sampleGroup.equals(group);
        if (group != null && !sameGroup && seenGroups.contains(sampleGroup)) {
            throw line.fail("series " + sampleGroup + " of " + family + " is split: its samples must be written together");
        }
        boolean sameTime = Double.compare(sample.orderTime(), groupTime) == 0;
        if (sameGroup) {
            if (Double.isNaN(sample.orderTime()) != Double.isNaN(groupTime)) {
                throw line.fail("some samples of series " + sampleGroup + " have timestamps and some do not");
            }
            if (sample.orderTime() < groupTime && type != FamilyType.INFO) {
                throw line.fail("timestamp goes backwards within series " + sampleGroup);
            }
        } else {
            seriesAtGroupTime.clear();
        }
        boolean keep = !(sameTime && seriesAtGroupTime.contains(sample.labels()));
        seriesAtGroupTime.add(sample.labels());
        group = sampleGroup;
        groupTime = sample.orderTime();
        seenGroups.add(sampleGroup);
        SampleValueRules.checkValue(sample, suffix, type, line);
        if (keep && histogram != null) {
            histogram.add(sample, suffix, sampleGroup, line);
        }
        return keep;
    }

    /** Checks what can only be judged once the family has ended. */
    void finish() {
        if (histogram != null) {
            histogram.finishGroup();
        }
    }

    private boolean isHistogram() {
        return type == FamilyType.HISTOGRAM || type == FamilyType.GAUGEHISTOGRAM;
    }

    /** The labels that make a group: a summary's quantiles, a histogram's buckets or a stateset's states are one group. */
    private Labels groupOf(SampleLine sample, String suffix) {
        Labels labels = sample.labels().without(Labels.METRIC_NAME);
        if (type == FamilyType.INFO) {
            return Labels.EMPTY;
        }
        if (type == FamilyType.SUMMARY && suffix.isEmpty()) {
            return labels.without("quantile");
        }
        if (type == FamilyType.STATESET) {
            return labels.without(family);
        }
        return isHistogram() && suffix.equals("_bucket") ? labels.without("le") : labels;
    }
}
