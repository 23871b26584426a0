package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.ast.ValueType;
import io.quayside.functions.promql.eval.Value;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/** Builds functions that map each sample, or reduce each series of a range vector, to one value. */
final class PerSeries {
    /** Reduces a window's samples (never empty) to a value, or to none. */
    @FunctionalInterface
    interface WindowReducer {
        OptionalDouble reduce(Series series, FunctionCall call);
    }

    /** Maps one value, with the call for scalar arguments. */
    @FunctionalInterface
    interface SampleMapper {
        double map(double value, FunctionCall call);
    }

    private PerSeries() {
    }

    /** Over the first argument's series; the metric name goes unless {@code keepName}. */
    static PromqlFunction overWindow(boolean keepName, WindowReducer reducer) {
        return call -> {
            List<Sample> out = new ArrayList<>();
            for (Series series : call.matrix(call.expr().function().argTypes().indexOf(ValueType.MATRIX))) {
                OptionalDouble value = reducer.reduce(series, call);
                if (value.isPresent()) {
                    out.add(call.sample(keepName ? series.labels() : dropName(series.labels()), value.getAsDouble()));
                }
            }
            return new Value.InstantVector(out);
        };
    }

    static PromqlFunction overWindow(WindowReducer reducer) {
        return overWindow(false, reducer);
    }

    /** Always yields a value from the window's values. */
    static PromqlFunction overValues(ToDoubleFunction<double[]> reducer) {
        return overWindow((series, call) -> OptionalDouble.of(reducer.applyAsDouble(series.values())));
    }

    /** Maps each sample of the first argument, dropping the metric name. */
    static PromqlFunction eachSample(SampleMapper mapper) {
        return call -> {
            List<Sample> out = new ArrayList<>();
            for (Sample sample : call.vector(0)) {
                out.add(call.sample(dropName(sample.labels()), mapper.map(sample.value(), call)));
            }
            return new Value.InstantVector(out);
        };
    }

    static PromqlFunction eachSample(DoubleUnaryOperator operator) {
        return eachSample((value, call) -> operator.applyAsDouble(value));
    }

    static Labels dropName(Labels labels) {
        return labels.without(Labels.METRIC_NAME);
    }
}
