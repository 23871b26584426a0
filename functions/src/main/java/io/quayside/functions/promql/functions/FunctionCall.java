package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.ast.Call;
import io.quayside.functions.promql.eval.Annotations;
import io.quayside.functions.promql.eval.QueryContext;
import io.quayside.functions.promql.eval.RangeWindow;
import io.quayside.functions.promql.eval.Value;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.List;

/**
 * One function call at one time: evaluated arguments, and for a range vector argument the
 * window it was selected from (rate and friends extrapolate to its edges).
 */
public record FunctionCall(Call expr, List<Value> args, long evalTimeMs, RangeWindow window, QueryContext query) {
    public List<Sample> vector(int index) {
        return ((Value.InstantVector) args.get(index)).samples();
    }

    public List<Series> matrix(int index) {
        return ((Value.RangeVector) args.get(index)).series();
    }

    public double scalar(int index) {
        return ((Value.Scalar) args.get(index)).value();
    }

    public String string(int index) {
        return ((Value.Text) args.get(index)).value();
    }

    public int argCount() {
        return args.size();
    }

    public Annotations annotations() {
        return query.annotations();
    }

    public Sample sample(Labels labels, double value) {
        return new Sample(labels, value, evalTimeMs);
    }
}
