package io.quayside.functions.promql.numeric;

/**
 * Population variance by Welford's method with Kahan-compensated sums, as Prometheus computes
 * stdvar and stdvar_over_time. A lone NaN or infinity yields NaN, as there.
 */
public final class Variance {
    private Variance() {
    }

    public static double of(double[] values) {
        double count = 0;
        KahanSum mean = new KahanSum();
        KahanSum aux = new KahanSum();
        for (double v : values) {
            count++;
            double delta = v - mean.value();
            mean.add(delta / count);
            aux.add(delta * (v - mean.value()));
        }
        return aux.value() / count;
    }
}
