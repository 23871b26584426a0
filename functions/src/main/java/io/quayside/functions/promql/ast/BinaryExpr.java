package io.quayside.functions.promql.ast;

public record BinaryExpr(BinaryOperator op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching,
                         int position) implements Expr {
    @Override
    public ValueType type() {
        return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR;
    }
}
