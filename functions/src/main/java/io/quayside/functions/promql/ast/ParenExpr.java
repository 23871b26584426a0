package io.quayside.functions.promql.ast;

public record ParenExpr(Expr expr, int position) implements Expr {
    @Override
    public ValueType type() {
        return expr.type();
    }
}
