package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.eval.RangeWindow;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static io.quayside.functions.promql.functions.PerSeries.overWindow;

/** rate, increase, delta (extrapolated to the window's edges) and irate, idelta (last two samples). */
final class RateFunctions {
    private static final List<String> COUNTER_SUFFIXES = List.of("_total", "_sum", "_count", "_bucket");

    private RateFunctions() {
    }

    static void register(Map<String, PromqlFunction> functions) {
        functions.put("rate", overWindow((s, call) -> counterChange(s, call, true)));
        functions.put("increase", overWindow((s, call) -> counterChange(s, call, false)));
        functions.put("delta", overWindow((s, call) -> extrapolated(s, call.window(), false, false)));
        functions.put("irate", overWindow((s, call) -> instant(s, true)));
        functions.put("idelta", overWindow((s, call) -> instant(s, false)));
    }

    /** As Prometheus, hints (an info, not an error) when a name does not look like a counter's. */
    private static OptionalDouble counterChange(Series series, FunctionCall call, boolean isRate) {
        String name = series.labels().metricName() == null ? "" : series.labels().metricName();
        if (COUNTER_SUFFIXES.stream().noneMatch(name::endsWith)) {
            call.annotations().info("metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"" + name + "\"");
        }
        return extrapolated(series, call.window(), true, isRate);
    }

    /**
     * Prometheus' extrapolatedRate: the change across the samples, corrected for counter resets,
     * extrapolated towards the window edges unless the series seems to start or end inside it.
     */
    private static OptionalDouble extrapolated(Series series, RangeWindow window, boolean isCounter, boolean isRate) {
        int n = series.size();
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double[] values = series.values();
        long firstT = series.timestamps()[0];
        long lastT = series.timestamps()[n - 1];
        double result = values[n - 1] - values[0];
        if (isCounter) {
            for (int i = 1; i < n; i++) {
                if (values[i] < values[i - 1]) {
                    result += values[i - 1];
                }
            }
        }
        double durationToStart = (firstT - window.startMs()) / 1000.0;
        double durationToEnd = (window.endMs() - lastT) / 1000.0;
        double sampledInterval = (lastT - firstT) / 1000.0;
        double averageDurationBetweenSamples = sampledInterval / (n - 1);
        double extrapolationThreshold = averageDurationBetweenSamples * 1.1;
        if (durationToStart >= extrapolationThreshold) {
            durationToStart = averageDurationBetweenSamples / 2;
        }
        if (isCounter && result > 0 && values[0] >= 0) {
            // A counter cannot go below zero, so do not extrapolate past the point where it would be zero.
            double durationToZero = sampledInterval * (values[0] / result);
            if (durationToZero < durationToStart) {
                durationToStart = durationToZero;
            }
        }
        if (durationToEnd >= extrapolationThreshold) {
            durationToEnd = averageDurationBetweenSamples / 2;
        }
        double factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
        if (isRate) {
            factor /= window.rangeSeconds();
        }
        return OptionalDouble.of(result * factor);
    }

    /** From the last two samples; for irate a drop is a counter reset, so the last value is the increase. */
    private static OptionalDouble instant(Series series, boolean isRate) {
        int n = series.size();
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double previous = series.values()[n - 2];
        double last = series.values()[n - 1];
        double result = isRate && last < previous ? last : last - previous;
        if (isRate) {
            result /= (series.timestamps()[n - 1] - series.timestamps()[n - 2]) / 1000.0;
        }
        return OptionalDouble.of(result);
    }
}
