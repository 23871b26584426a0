package io.quayside.functions.promql.ast;

import java.util.List;

public record Call(FunctionSignature function, List<Expr> args, int position) implements Expr {
    @Override
    public ValueType type() {
        return function.returnType();
    }
}
