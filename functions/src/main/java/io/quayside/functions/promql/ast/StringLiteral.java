package io.quayside.functions.promql.ast;

public record StringLiteral(String value, int position) implements Expr {
    @Override
    public ValueType type() {
        return ValueType.STRING;
    }
}
