package io.quayside.functions.promql.ast;

/** {@code selector[range]}; offset and {@code @} live on the inner selector. */
public record MatrixSelector(VectorSelector selector, long rangeMs, int position) implements Expr {
    public MatrixSelector withModifiers(TimeModifiers modifiers) {
        return new MatrixSelector(selector.withModifiers(modifiers), rangeMs, position);
    }

    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }
}
