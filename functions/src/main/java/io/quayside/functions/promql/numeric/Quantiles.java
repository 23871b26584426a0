package io.quayside.functions.promql.numeric;

import java.util.Arrays;

/** Prometheus' quantile: linear interpolation between closest ranks, NaN sorting lowest. */
public final class Quantiles {
    private Quantiles() {
    }

    /** Sorts {@code values} in place. */
    public static double quantile(double q, double[] values) {
        if (values.length == 0 || Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        sortNaNFirst(values);
        double n = values.length;
        double rank = q * (n - 1);
        double lowerIndex = Math.max(0, Math.floor(rank));
        double upperIndex = Math.min(n - 1, lowerIndex + 1);
        double weight = rank - Math.floor(rank);
        return values[(int) lowerIndex] * (1 - weight) + values[(int) upperIndex] * weight;
    }

    private static void sortNaNFirst(double[] values) {
        Arrays.sort(values);
        int nans = 0;
        for (int i = values.length - 1; i >= 0 && Double.isNaN(values[i]); i--) {
            nans++;
        }
        if (nans > 0) {
            System.arraycopy(values, 0, values, nans, values.length - nans);
            Arrays.fill(values, 0, nans, Double.NaN);
        }
    }
}
