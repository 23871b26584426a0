package io.quayside.functions.promql;

import io.quayside.functions.promql.ast.Expr;
import io.quayside.functions.promql.ast.ValueType;
import io.quayside.functions.promql.eval.Annotations;
import io.quayside.functions.promql.eval.Evaluator;
import io.quayside.functions.promql.eval.QueryBudget;
import io.quayside.functions.promql.eval.QueryContext;
import io.quayside.functions.promql.eval.RangeQueryCollector;
import io.quayside.functions.promql.eval.Value;
import io.quayside.functions.promql.parser.Parser;

import java.util.List;

/** Runs PromQL instant and range queries against a {@link SeriesSource}, with Prometheus 3 semantics. */
public final class PromqlEngine {
    /** Prometheus' default {@code --query.lookback-delta}. */
    public static final long DEFAULT_LOOKBACK_MS = 5 * 60_000;
    /** The step of subqueries written without one, {@code [30m:]}; Prometheus uses its global evaluation interval. */
    public static final long DEFAULT_SUBQUERY_STEP_MS = 60_000;

    private final SeriesSource source;
    private final long lookbackMs;
    private final QueryLimits limits;

    public PromqlEngine(SeriesSource source) {
        this(source, DEFAULT_LOOKBACK_MS);
    }

    public PromqlEngine(SeriesSource source, long lookbackMs) {
        this(source, lookbackMs, QueryLimits.DEFAULT);
    }

    public PromqlEngine(SeriesSource source, long lookbackMs, QueryLimits limits) {
        this.source = source;
        this.lookbackMs = lookbackMs;
        this.limits = limits;
    }

    /** A query's value with the warnings and infos it produced. */
    public record Result(Value value, List<String> warnings, List<String> infos) {
    }

    public Result instantQuery(String query, long timeMs) {
        Expr expr = Parser.parse(query);
        QueryContext context = context(timeMs, timeMs, 0);
        Value value = new Evaluator(context).eval(expr, timeMs);
        context.budget().checkResult(value);
        return new Result(value, context.annotations().warnings(), context.annotations().infos());
    }

    public Result rangeQuery(String query, long startMs, long endMs, long stepMs) {
        Expr expr = Parser.parse(query);
        if (expr.type() != ValueType.SCALAR && expr.type() != ValueType.VECTOR) {
            throw new PromqlException("invalid expression type \"" + expr.type() + "\" for range query, must be Scalar or instant Vector");
        }
        if (stepMs <= 0) {
            throw new PromqlException("zero or negative query resolution step widths are not accepted. Try a positive integer");
        }
        QueryContext context = context(startMs, endMs, stepMs);
        Evaluator evaluator = new Evaluator(context);
        QueryBudget budget = context.budget();
        RangeQueryCollector collector = new RangeQueryCollector(budget);
        for (long t = startMs; t <= endMs; t += stepMs) {
            long kept = budget.heldSamples();
            Value step = evaluator.eval(expr, t);
            // What the step selected is freed once it is evaluated; only its result is kept.
            budget.releaseTo(kept);
            collector.add(step, t);
        }
        return new Result(collector.result(), context.annotations().warnings(), context.annotations().infos());
    }

    private QueryContext context(long startMs, long endMs, long stepMs) {
        return new QueryContext(source, startMs, endMs, stepMs, lookbackMs, DEFAULT_SUBQUERY_STEP_MS, new Annotations(),
                new QueryBudget(limits));
    }
}
