package io.quayside.functions.promql.ast;

/** {@code expr[range:step]}; a step of 0 means the engine's default resolution. */
public record Subquery(Expr expr, long rangeMs, long stepMs, TimeModifiers modifiers, int position)
        implements Expr {
    public Subquery withModifiers(TimeModifiers newModifiers) {
        return new Subquery(expr, rangeMs, stepMs, newModifiers, position);
    }

    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }
}
