package io.quayside.functions.promql.numeric;

/** Prometheus' almost.Equal: relative comparison, NaN equal to NaN, care near zero. */
public final class AlmostEqual {
    private static final double MIN_NORMAL = Double.MIN_NORMAL;

    private AlmostEqual() {
    }

    public static boolean equal(double a, double b, double epsilon) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return true;
        }
        if (a == b) {
            return true;
        }
        double absSum = Math.abs(a) + Math.abs(b);
        double diff = Math.abs(a - b);
        if (a == 0 || b == 0 || absSum < MIN_NORMAL) {
            return diff < epsilon * MIN_NORMAL;
        }
        return diff / Math.min(absSum, Double.MAX_VALUE) < epsilon;
    }
}
