package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.ast.Aggregation;
import io.quayside.functions.promql.ast.BinaryExpr;
import io.quayside.functions.promql.ast.Call;
import io.quayside.functions.promql.ast.Expr;
import io.quayside.functions.promql.ast.MatrixSelector;
import io.quayside.functions.promql.ast.NumberLiteral;
import io.quayside.functions.promql.ast.ParenExpr;
import io.quayside.functions.promql.ast.StringLiteral;
import io.quayside.functions.promql.ast.Subquery;
import io.quayside.functions.promql.ast.UnaryMinus;
import io.quayside.functions.promql.ast.VectorSelector;
import io.quayside.functions.promql.functions.FunctionCall;
import io.quayside.functions.promql.functions.FunctionRegistry;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates an expression at one point in time; range queries and subqueries call it per step. */
public final class Evaluator {
    private final QueryContext query;
    private final SeriesSelection selection;

    public Evaluator(QueryContext query) {
        this.query = query;
        this.selection = new SeriesSelection(query);
    }

    public QueryContext query() {
        return query;
    }

    public Value eval(Expr expr, long t) {
        if (expr instanceof NumberLiteral number) {
            return new Value.Scalar(number.value());
        } else if (expr instanceof StringLiteral string) {
            return new Value.Text(string.value());
        } else if (expr instanceof ParenExpr paren) {
            return eval(paren.expr(), t);
        } else if (expr instanceof VectorSelector selector) {
            return new Value.InstantVector(selection.instant(selector, t, false));
        } else if (expr instanceof MatrixSelector matrix) {
            return new Value.RangeVector(selection.range(matrix, selection.window(matrix, t)));
        } else if (expr instanceof Subquery subquery) {
            return new Value.RangeVector(evalSubquery(subquery, subqueryWindow(subquery, t)));
        } else if (expr instanceof UnaryMinus unary) {
            return negate(eval(unary.expr(), t));
        } else if (expr instanceof BinaryExpr binary) {
            Value result = BinaryOperation.apply(binary, eval(binary.lhs(), t), eval(binary.rhs(), t), t);
            return requireDistinctLabels(result);
        } else if (expr instanceof Aggregation aggregation) {
            return new AggregationEvaluation(this, aggregation, t).evaluate();
        }
        return requireDistinctLabels(evalCall((Call) expr, t));
    }

    /** The instant vector an expression yields at one time. */
    public List<Sample> evalVector(Expr expr, long t) {
        return ((Value.InstantVector) eval(expr, t)).samples();
    }

    private Value evalCall(Call call, long t) {
        List<Value> args = new ArrayList<>(call.args().size());
        RangeWindow window = null;
        for (Expr arg : call.args()) {
            Expr unwrapped = Expr.unwrapParens(arg);
            if (unwrapped instanceof MatrixSelector matrix) {
                window = selection.window(matrix, t);
                args.add(new Value.RangeVector(selection.range(matrix, window)));
            } else if (unwrapped instanceof Subquery subquery) {
                window = subqueryWindow(subquery, t);
                args.add(new Value.RangeVector(evalSubquery(subquery, window)));
            } else if (unwrapped instanceof VectorSelector selector && call.function().name().equals("timestamp")) {
                // timestamp() reports when a selected sample was taken, not the evaluation time.
                args.add(new Value.InstantVector(selection.instant(selector, t, true)));
            } else {
                args.add(eval(arg, t));
            }
        }
        return FunctionRegistry.lookup(call.function().name()).apply(new FunctionCall(call, args, t, window, query));
    }

    private RangeWindow subqueryWindow(Subquery subquery, long t) {
        long ref = subquery.modifiers().referenceTime(t, query.startMs(), query.endMs());
        return new RangeWindow(ref - subquery.rangeMs(), ref);
    }

    /** Evaluates the inner expression at every step aligned to the step size within the window. */
    private List<Series> evalSubquery(Subquery subquery, RangeWindow window) {
        long step = subquery.stepMs() > 0 ? subquery.stepMs() : query.defaultSubqueryStepMs();
        long start = step * (window.startMs() / step);
        if (start <= window.startMs()) {
            start += step;
        }
        Map<Labels, SeriesBuilder> series = new LinkedHashMap<>();
        for (long ts = start; ts <= window.endMs(); ts += step) {
            for (Sample sample : evalVector(subquery.expr(), ts)) {
                series.computeIfAbsent(sample.labels(), SeriesBuilder::new).add(ts, sample.value());
            }
        }
        List<Series> out = new ArrayList<>(series.size());
        series.values().forEach(builder -> out.add(builder.build()));
        return out;
    }

    private Value negate(Value value) {
        if (value instanceof Value.Scalar scalar) {
            return new Value.Scalar(-scalar.value());
        }
        List<Sample> out = new ArrayList<>();
        for (Sample sample : ((Value.InstantVector) value).samples()) {
            out.add(new Sample(sample.labels().without(Labels.METRIC_NAME), -sample.value(), sample.timestampMs()));
        }
        return requireDistinctLabels(new Value.InstantVector(out));
    }

    /** Prometheus refuses results where two samples share a label set (e.g. after dropping names). */
    static Value requireDistinctLabels(Value value) {
        if (value instanceof Value.InstantVector vector && vector.samples().size() > 1) {
            Set<Labels> seen = new HashSet<>();
            for (Sample sample : vector.samples()) {
                if (!seen.add(sample.labels())) {
                    throw new PromqlException("vector cannot contain metrics with the same labelset");
                }
            }
        }
        return value;
    }
}
