package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.eval.Value;

/** A PromQL function's implementation. */
@FunctionalInterface
public interface PromqlFunction {
    Value apply(FunctionCall call);
}
