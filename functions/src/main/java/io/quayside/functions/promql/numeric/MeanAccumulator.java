package io.quayside.functions.promql.numeric;

/**
 * Prometheus' mean (avg, avg_over_time): a Kahan sum divided at the end, switching to an
 * incremental mean once the sum would overflow, so huge inputs still average finitely.
 */
public final class MeanAccumulator {
    private final KahanSum sum = new KahanSum();
    private final KahanSum mean = new KahanSum();
    private boolean incremental;
    private double count;

    public void add(double value) {
        count++;
        if (!incremental) {
            KahanSum attempt = sum.copy();
            attempt.add(value);
            if (!Double.isInfinite(attempt.rawSum()) || count == 1) {
                sum.set(attempt.rawSum(), attempt.compensation());
                return;
            }
            incremental = true;
            mean.set(sum.rawSum() / (count - 1), sum.compensation() / (count - 1));
        }
        double q = (count - 1) / count;
        KahanSum next = new KahanSum();
        next.set(q * mean.rawSum(), q * mean.compensation());
        next.add(value / count);
        mean.set(next.rawSum(), next.compensation());
    }

    public double value() {
        if (incremental) {
            return mean.rawSum() + mean.compensation();
        }
        return sum.rawSum() / count + sum.compensation() / count;
    }
}
