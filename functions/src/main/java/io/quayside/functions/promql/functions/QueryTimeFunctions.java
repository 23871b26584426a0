package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.eval.Value;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.List;
import java.util.Map;


/** Functions of the query's clock, and the conversions between scalars and vectors. */
final class QueryTimeFunctions {
    private QueryTimeFunctions() {
    }

    static void register(Map<String, PromqlFunction> functions) {
        functions.put("time", call -> seconds(call.evalTimeMs()));
        functions.put("step", call -> seconds(call.query().stepMs()));
        functions.put("range", call -> seconds(call.query().endMs() - call.query().startMs()));
        functions.put("start", call -> seconds(call.query().startMs()));
        functions.put("end", call -> seconds(call.query().endMs()));
        functions.put("vector", call -> new Value.InstantVector(List.of(call.sample(Labels.EMPTY, call.scalar(0)))));
        functions.put("scalar", call -> {
            List<Sample> samples = call.vector(0);
            return new Value.Scalar(samples.size() == 1 ? samples.get(0).value() : Double.NaN);
        });
        functions.put("timestamp", call -> new Value.InstantVector(call.vector(0).stream()
                .map(s -> call.sample(PerSeries.dropName(s.labels()), s.timestampMs() / 1000.0)).toList()));
    }

    private static Value seconds(long ms) {
        return new Value.Scalar(ms / 1000.0);
    }
}
