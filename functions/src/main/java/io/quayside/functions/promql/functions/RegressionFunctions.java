package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.numeric.KahanSum;

import java.util.Map;
import java.util.OptionalDouble;

import static io.quayside.functions.promql.functions.PerSeries.overWindow;

/** Least-squares fits over a window (deriv, predict_linear) and Holt's double exponential smoothing. */
final class RegressionFunctions {
    private RegressionFunctions() {
    }

    static void register(Map<String, PromqlFunction> functions) {
        // Time is measured from the first sample to keep the sums small, as Prometheus does.
        functions.put("deriv", overWindow((s, call) -> s.size() < 2 ? OptionalDouble.empty()
                : OptionalDouble.of(fit(s, s.timestamps()[0])[0])));
        functions.put("predict_linear", overWindow((s, call) -> {
            if (s.size() < 2) {
                return OptionalDouble.empty();
            }
            double[] line = fit(s, call.evalTimeMs());
            return OptionalDouble.of(line[0] * call.scalar(1) + line[1]);
        }));
        functions.put("double_exponential_smoothing", overWindow(RegressionFunctions::smooth));
    }

    /** Slope and intercept at {@code interceptTimeMs}, with Kahan-summed moments as Prometheus' linearRegression. */
    private static double[] fit(Series series, long interceptTimeMs) {
        double n = 0;
        KahanSum sumX = new KahanSum();
        KahanSum sumY = new KahanSum();
        KahanSum sumXY = new KahanSum();
        KahanSum sumX2 = new KahanSum();
        double initY = series.values()[0];
        boolean constY = true;
        for (int i = 0; i < series.size(); i++) {
            double y = series.values()[i];
            constY &= y == initY;
            n++;
            double x = (series.timestamps()[i] - interceptTimeMs) / 1e3;
            sumX.add(x);
            sumY.add(y);
            sumXY.add(x * y);
            sumX2.add(x * x);
        }
        if (constY) {
            return Double.isInfinite(initY) ? new double[] {Double.NaN, Double.NaN} : new double[] {0, initY};
        }
        double sx = sumX.rawSum() + sumX.compensation();
        double sy = sumY.rawSum() + sumY.compensation();
        double covXY = sumXY.rawSum() + sumXY.compensation() - sx * sy / n;
        double varX = sumX2.rawSum() + sumX2.compensation() - sx * sx / n;
        double slope = covXY / varX;
        return new double[] {slope, sy / n - slope * sx / n};
    }

    private static OptionalDouble smooth(Series series, FunctionCall call) {
        double sf = call.scalar(1);
        double tf = call.scalar(2);
        if (sf <= 0 || sf >= 1) {
            throw new PromqlException(
                    "invalid smoothing factor. Expected: 0 < sf < 1, got: " + String.format("%f", sf));
        }
        if (tf <= 0 || tf >= 1) {
            throw new PromqlException(
                    "invalid trend factor. Expected: 0 < tf < 1, got: " + String.format("%f", tf));
        }
        double[] values = series.values();
        if (values.length < 2) {
            return OptionalDouble.empty();
        }
        double s0 = 0;
        double s1 = values[0];
        double b = values[1] - values[0];
        for (int i = 1; i < values.length; i++) {
            if (i > 1) {
                b = tf * (s1 - s0) + (1 - tf) * b;
            }
            double next = sf * values[i] + (1 - sf) * (s1 + b);
            s0 = s1;
            s1 = next;
        }
        return OptionalDouble.of(s1);
    }
}
