package io.quayside.functions.promql.ast;

import io.quayside.functions.promql.LabelMatcher;

import java.util.List;

/** {@code name{matchers}}; the name, when given, is also among the matchers. */
public record VectorSelector(String name, List<LabelMatcher> matchers, TimeModifiers modifiers, int position)
        implements Expr {
    public VectorSelector withModifiers(TimeModifiers newModifiers) {
        return new VectorSelector(name, matchers, newModifiers, position);
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }
}
