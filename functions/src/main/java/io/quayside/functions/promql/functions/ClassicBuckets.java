package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.numeric.AlmostEqual;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Prometheus' BucketQuantile: interpolation within cumulative {@code le} buckets, repaired to be monotonic. */
final class ClassicBuckets {
    /** Counts that differ by less than this relative amount are float noise, not a decrease. */
    private static final double SMALL_DELTA_TOLERANCE = 1e-12;

    record Bucket(double upperBound, double count) {
    }

    record Result(double value, boolean forcedMonotonic) {
    }

    private ClassicBuckets() {
    }

    static Result quantile(double q, List<Bucket> input) {
        if (Double.isNaN(q)) {
            return new Result(Double.NaN, false);
        }
        if (q < 0 || q > 1) {
            return new Result(q < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, false);
        }
        List<Bucket> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparingDouble(Bucket::upperBound));
        if (sorted.get(sorted.size() - 1).upperBound() != Double.POSITIVE_INFINITY) {
            return new Result(Double.NaN, false);
        }
        double[] bounds = new double[sorted.size()];
        double[] counts = new double[sorted.size()];
        int size = coalesce(sorted, bounds, counts);
        boolean forced = ensureMonotonic(counts, size);
        if (size < 2) {
            return new Result(Double.NaN, forced);
        }
        double observations = counts[size - 1];
        if (observations == 0) {
            return new Result(Double.NaN, forced);
        }
        double rank = q * observations;
        int b = 0;
        while (b < size - 1 && counts[b] < rank) {
            b++;
        }
        if (b == size - 1) {
            return new Result(bounds[size - 2], forced);
        }
        if (b == 0 && bounds[0] <= 0) {
            return new Result(bounds[0], forced);
        }
        double bucketStart = 0;
        double count = counts[b];
        if (b > 0) {
            bucketStart = bounds[b - 1];
            count -= counts[b - 1];
            rank -= counts[b - 1];
        }
        return new Result(bucketStart + (bounds[b] - bucketStart) * (rank / count), forced);
    }

    /** Merges buckets with equal bounds by adding their counts; returns how many remain. */
    private static int coalesce(List<Bucket> sorted, double[] bounds, double[] counts) {
        int size = 0;
        for (Bucket bucket : sorted) {
            if (size > 0 && bounds[size - 1] == bucket.upperBound()) {
                counts[size - 1] += bucket.count();
            } else {
                bounds[size] = bucket.upperBound();
                counts[size++] = bucket.count();
            }
        }
        return size;
    }

    /** Flattens decreases (and float noise in either direction) to the previous count. */
    private static boolean ensureMonotonic(double[] counts, int size) {
        boolean forced = false;
        double previous = counts[0];
        for (int i = 1; i < size; i++) {
            double current = counts[i];
            if (current == previous) {
                continue;
            }
            if (AlmostEqual.equal(previous, current, SMALL_DELTA_TOLERANCE)) {
                counts[i] = previous;
            } else if (current < previous) {
                counts[i] = previous;
                forced = true;
            } else {
                previous = current;
            }
        }
        return forced;
    }
}
