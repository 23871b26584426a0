package io.quayside.model.exposition;

import java.util.Set;

/** OpenMetrics rules about a single sample: required labels, allowed values, where exemplars may be. */
final class SampleValueRules {
    /** Samples with counter semantics, which can be neither NaN nor (but for {@code _gsum}) negative. */
    private static final Set<String> COUNTER_LIKE = Set.of("_total", "_sum", "_count", "_bucket", "_gcount", "_gsum");

    private SampleValueRules() {
    }

    static void checkLabels(SampleLine sample, String suffix, String family, FamilyType type, LineCursor line) {
        if (type == FamilyType.STATESET && sample.labels().get(family) == null) {
            throw line.fail("a stateset sample needs a label named like the family, " + family);
        }
        if (suffix.equals("_bucket")) {
            String le = sample.labels().get("le");
            if (le == null) {
                throw line.fail("a bucket needs an le label");
            }
            double bound = NumberSyntax.value(le, line, "le");
            if (Double.isNaN(bound) || (bound == Double.POSITIVE_INFINITY && !le.equals("+Inf"))) {
                throw line.fail("le must be a number, and infinity written +Inf: '" + le + "'");
            }
            requireInteger(sample, "a bucket count", line);
        }
        if (suffix.equals("_count") || suffix.equals("_gcount")) {
            requireInteger(sample, "a count", line);
        }
        if (type == FamilyType.SUMMARY && suffix.isEmpty()) {
            String quantile = sample.labels().get("quantile");
            double q = quantile == null ? Double.NaN : NumberSyntax.value(quantile, line, "quantile");
            if (!(q >= 0 && q <= 1)) {
                throw line.fail("a summary quantile needs a quantile label from 0 to 1, not " + quantile);
            }
        }
    }

    private static void requireInteger(SampleLine sample, String what, LineCursor line) {
        if (Double.isInfinite(sample.value()) || sample.value() != Math.rint(sample.value())) {
            throw line.fail(what + " must be a whole number, not " + sample.value());
        }
    }

    static void checkValue(SampleLine sample, String suffix, FamilyType type, LineCursor line) {
        double value = sample.value();
        if (type == FamilyType.STATESET && value != 0 && value != 1) {
            throw line.fail("a stateset value is 0 or 1, not " + value);
        }
        if (type == FamilyType.INFO && value != 1) {
            throw line.fail("an info value is 1, not " + value);
        }
        if (type == FamilyType.SUMMARY && suffix.isEmpty() && value < 0) {
            throw line.fail("a summary quantile must not be negative");
        }
        if (COUNTER_LIKE.contains(suffix)) {
            if (Double.isNaN(value)) {
                throw line.fail(suffix + " is a counter and must not be NaN");
            }
            if (value < 0 && !suffix.equals("_gsum")) {
                throw line.fail(suffix + " is a counter and must not be negative");
            }
        }
        boolean exemplarAllowed = (type == FamilyType.COUNTER && suffix.equals("_total"))
                || ((type == FamilyType.HISTOGRAM || type == FamilyType.GAUGEHISTOGRAM) && suffix.equals("_bucket"));
        if (sample.exemplar() != null && !exemplarAllowed) {
            throw line.fail("exemplars belong only on counter _total and histogram _bucket samples");
        }
    }
}
