package io.quayside.functions.rules.unittest;

import io.quayside.functions.promql.notation.PointNotation;
import io.quayside.functions.promql.notation.SeriesNotation;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * promtool's {@code input_series}: a series in selector notation and its values in the expanding
 * notation ({@code 1+2x3}, {@code 5x2}, {@code _}, {@code _x4}, {@code stale}), one value per interval from time 0.
 */
final class InputSeries {
    private InputSeries() {
    }

    static List<Sample> samples(String series, String values, long intervalMs) {
        Labels labels = SeriesNotation.labels(series);
        List<Sample> out = new ArrayList<>();
        List<Double> expanded = PointNotation.expand(values).values();
        for (int i = 0; i < expanded.size(); i++) {
            if (expanded.get(i) != null) {
                out.add(new Sample(labels, expanded.get(i), i * intervalMs));
            }
        }
        return out;
    }
}
