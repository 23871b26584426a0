package io.quayside.functions.promql.ast;

import java.util.List;

/**
 * A function's argument and return types. {@code optional} trailing arguments may be left out
 * ({@code -1}: the last type repeats without limit), as Prometheus' {@code Variadic}.
 */
public record FunctionSignature(String name, List<ValueType> argTypes, int optional, ValueType returnType) {
    public int minArgs() {
        return optional == 0 ? argTypes.size() : argTypes.size() - 1;
    }

    /** Most arguments allowed, or {@link Integer#MAX_VALUE}. */
    public int maxArgs() {
        return optional < 0 ? Integer.MAX_VALUE : argTypes.size() - 1 + Math.max(optional, 1);
    }

    public ValueType argType(int index) {
        return argTypes.get(Math.min(index, argTypes.size() - 1));
    }
}
