package io.quayside.functions.promql.numeric;

/** Where the largest or smallest value is, as Prometheus picks it: the first such, NaN losing to any number. */
public final class Extremes {
    private Extremes() {
    }

    public static int index(double[] values, boolean max) {
        int best = 0;
        for (int i = 0; i < values.length; i++) {
            double cur = values[i];
            double found = values[best];
            if ((max ? cur > found : cur < found) || Double.isNaN(found)) {
                best = i;
            }
        }
        return best;
    }
}
