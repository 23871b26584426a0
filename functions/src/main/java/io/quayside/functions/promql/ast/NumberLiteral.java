package io.quayside.functions.promql.ast;

public record NumberLiteral(double value, int position) implements Expr {
    @Override
    public ValueType type() {
        return ValueType.SCALAR;
    }
}
