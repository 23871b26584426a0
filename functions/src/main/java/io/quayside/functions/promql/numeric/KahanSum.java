package io.quayside.functions.promql.numeric;

/** Neumaier-improved Kahan summation, exactly as Prometheus' kahanSumInc, so sums round alike. */
public final class KahanSum {
    private double sum;
    private double compensation;

    public void add(double value) {
        double t = sum + value;
        if (Double.isInfinite(t)) {
            compensation = 0;
        } else if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - t) + value;
        } else {
            compensation += (value - t) + sum;
        }
        sum = t;
    }

    /** The running sum without compensation: Prometheus tests it for overflow. */
    public double rawSum() {
        return sum;
    }

    public double compensation() {
        return compensation;
    }

    public double value() {
        return Double.isInfinite(sum) ? sum : sum + compensation;
    }

    /** A copy, to try an addition without committing to it. */
    public KahanSum copy() {
        KahanSum copy = new KahanSum();
        copy.sum = sum;
        copy.compensation = compensation;
        return copy;
    }

    void set(double newSum, double newCompensation) {
        sum = newSum;
        compensation = newCompensation;
    }
}
