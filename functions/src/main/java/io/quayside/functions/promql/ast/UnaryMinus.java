package io.quayside.functions.promql.ast;

public record UnaryMinus(Expr expr, int position) implements Expr {
    @Override
    public ValueType type() {
        return expr.type();
    }
}
