package io.quayside.functions.promql.ast;

import java.util.List;

/** {@code op [by|without (grouping)] ([param,] expr)}; param is null for operators without one. */
public record Aggregation(AggregationOp op, Expr expr, Expr param, List<String> grouping, boolean without,
                          int position) implements Expr {
    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }
}
