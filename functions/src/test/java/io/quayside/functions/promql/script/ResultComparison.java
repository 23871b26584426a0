package io.quayside.functions.promql.script;

import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.eval.Value;
import io.quayside.functions.promql.numeric.AlmostEqual;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** promqltest's result check: exact label sets, floats within its epsilon, NaN equal to NaN. */
final class ResultComparison {
    private static final double EPSILON = 0.000001;

    private ResultComparison() {
    }

    /** @return what differs, or null */
    static String compare(EvalCase c, Value value) {
        if (value instanceof Value.Text text) {
            String expected = c.expectations().string;
            return text.value().equals(expected) ? null : "expected string " + expected + ", got \"" + text.value() + "\"";
        }
        if (value instanceof Value.Scalar scalar) {
            if (c.expectedScalar() == null) {
                return "expected a vector, got scalar " + scalar.value();
            }
            return equal(c.expectedScalar(), scalar.value()) ? null
                    : "expected scalar " + c.expectedScalar() + ", got " + scalar.value();
        }
        if (c.expectedScalar() != null && !c.range()) {
            return "expected scalar " + c.expectedScalar() + ", got " + value;
        }
        if (value instanceof Value.InstantVector vector) {
            return compareVector(c, vector.samples());
        }
        Expectations.RangeVector rangeVector = c.expectations().rangeVector;
        if (value instanceof Value.RangeVector matrix && c.range()) {
            return compareMatrix(c.expected(), matrix.series(), c.startMs(), c.stepMs());
        }
        if (value instanceof Value.RangeVector matrix && rangeVector != null) {
            return compareMatrix(c.expected(), matrix.series(), rangeVector.startMs(), rangeVector.stepMs());
        }
        return "unexpected result type: " + value;
    }

    private static String compareVector(EvalCase c, List<Sample> samples) {
        Map<Labels, List<Double>> expected = c.expected();
        List<Labels> expectedOrder = new ArrayList<>(expected.keySet());
        Set<Labels> seen = new HashSet<>();
        for (int position = 0; position < samples.size(); position++) {
            Sample sample = samples.get(position);
            List<Double> points = expected.get(sample.labels());
            if (points == null) {
                return "unexpected metric " + sample.labels() + " in result, has value " + sample.value();
            }
            if (!seen.add(sample.labels())) {
                return "duplicate metric " + sample.labels() + " in result";
            }
            if (c.expectations().ordered && !expectedOrder.get(position).equals(sample.labels())) {
                return "expected metric " + sample.labels() + " at position " + (expectedOrder.indexOf(sample.labels()) + 1)
                        + " but was at " + (position + 1);
            }
            if (!equal(points.get(0), sample.value())) {
                return "expected " + points.get(0) + " for " + sample.labels() + " but got " + sample.value();
            }
        }
        for (Labels labels : expected.keySet()) {
            if (!seen.contains(labels)) {
                return "expected metric " + labels + " with " + expected.get(labels) + " not found";
            }
        }
        return null;
    }

    /** Points expected at {@code startMs + i * stepMs}; the series' samples must sit exactly there. */
    private static String compareMatrix(Map<Labels, List<Double>> expected, List<Series> result, long startMs, long stepMs) {
        Set<Labels> seen = new HashSet<>();
        for (Series series : result) {
            List<Double> points = expected.get(series.labels());
            if (points == null) {
                return "unexpected metric " + series.labels() + " in result";
            }
            seen.add(series.labels());
            List<long[]> wanted = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                if (points.get(i) != null) {
                    wanted.add(new long[] {startMs + i * stepMs, i});
                }
            }
            if (wanted.size() != series.size()) {
                return "expected " + wanted.size() + " points for " + series.labels() + ", got " + series.size()
                        + " at " + Arrays.toString(series.timestamps());
            }
            for (int i = 0; i < wanted.size(); i++) {
                long t = wanted.get(i)[0];
                double want = points.get((int) wanted.get(i)[1]);
                if (series.timestamps()[i] != t || !equal(want, series.values()[i])) {
                    return "expected " + want + "@" + t + " for " + series.labels() + ", got "
                            + series.values()[i] + "@" + series.timestamps()[i];
                }
            }
        }
        for (Labels labels : expected.keySet()) {
            if (!seen.contains(labels)) {
                return "expected metric " + labels + " not found";
            }
        }
        return null;
    }

    private static boolean equal(double expected, double actual) {
        return AlmostEqual.equal(expected, actual, EPSILON);
    }
}
