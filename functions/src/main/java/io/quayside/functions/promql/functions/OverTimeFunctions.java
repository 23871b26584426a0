package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.numeric.Extremes;
import io.quayside.functions.promql.numeric.KahanSum;
import io.quayside.functions.promql.numeric.MeanAccumulator;
import io.quayside.functions.promql.numeric.Quantiles;
import io.quayside.functions.promql.numeric.Variance;

import java.util.Map;
import java.util.OptionalDouble;

import static io.quayside.functions.promql.functions.PerSeries.overValues;
import static io.quayside.functions.promql.functions.PerSeries.overWindow;

/** The {@code *_over_time} family, changes and resets: statistics of each series' window. */
final class OverTimeFunctions {
    private OverTimeFunctions() {
    }

    static void register(Map<String, PromqlFunction> functions) {
        functions.put("sum_over_time", overValues(OverTimeFunctions::sum));
        functions.put("avg_over_time", overValues(OverTimeFunctions::mean));
        functions.put("count_over_time", overValues(values -> values.length));
        functions.put("present_over_time", overValues(values -> 1));
        functions.put("max_over_time", overValues(values -> values[Extremes.index(values, true)]));
        functions.put("min_over_time", overValues(values -> values[Extremes.index(values, false)]));
        functions.put("ts_of_max_over_time", timestampOf((s) -> Extremes.index(s.values(), true)));
        functions.put("ts_of_min_over_time", timestampOf((s) -> Extremes.index(s.values(), false)));
        functions.put("ts_of_first_over_time", timestampOf(s -> 0));
        functions.put("ts_of_last_over_time", timestampOf(s -> s.size() - 1));
        functions.put("stdvar_over_time", overValues(Variance::of));
        functions.put("stddev_over_time", overValues(values -> Math.sqrt(Variance.of(values))));
        functions.put("mad_over_time", overValues(OverTimeFunctions::medianAbsoluteDeviation));
        functions.put("last_over_time", overWindow(true, (s, call) -> OptionalDouble.of(s.values()[s.size() - 1])));
        functions.put("first_over_time", overWindow(true, (s, call) -> OptionalDouble.of(s.values()[0])));
        functions.put("quantile_over_time", quantileOverTime());
        functions.put("changes", overValues(values -> countSteps(values, (prev, cur) -> cur != prev && !(Double.isNaN(cur) && Double.isNaN(prev)))));
        functions.put("resets", overValues(values -> countSteps(values, (prev, cur) -> cur < prev)));
    }

    private interface StepTest {
        boolean counts(double previous, double current);
    }

    private static double countSteps(double[] values, StepTest test) {
        int count = 0;
        for (int i = 1; i < values.length; i++) {
            if (test.counts(values[i - 1], values[i])) {
                count++;
            }
        }
        return count;
    }

    private static double sum(double[] values) {
        KahanSum sum = new KahanSum();
        for (double v : values) {
            sum.add(v);
        }
        return sum.value();
    }

    private static double mean(double[] values) {
        MeanAccumulator mean = new MeanAccumulator();
        for (double v : values) {
            mean.add(v);
        }
        return mean.value();
    }

    private interface IndexChooser {
        int index(Series series);
    }

    private static PromqlFunction timestampOf(IndexChooser chooser) {
        return overWindow((s, call) -> OptionalDouble.of(s.timestamps()[chooser.index(s)] / 1000.0));
    }

    /** NaN anywhere makes the deviation unknown rather than being sorted away. */
    private static double medianAbsoluteDeviation(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
        }
        double median = Quantiles.quantile(0.5, values.clone());
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return Quantiles.quantile(0.5, deviations);
    }

    private static PromqlFunction quantileOverTime() {
        PromqlFunction perSeries = overWindow((s, call) -> OptionalDouble.of(Quantiles.quantile(call.scalar(0), s.values().clone())));
        return call -> {
            call.annotations().checkQuantile(call.scalar(0));
            return perSeries.apply(call);
        };
    }
}
