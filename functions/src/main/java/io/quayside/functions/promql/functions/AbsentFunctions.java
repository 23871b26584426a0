package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.ast.Expr;
import io.quayside.functions.promql.ast.MatrixSelector;
import io.quayside.functions.promql.ast.VectorSelector;
import io.quayside.functions.promql.eval.Value;
import io.quayside.model.Labels;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** absent and absent_over_time: one sample when the argument is empty, labelled from its equality matchers. */
final class AbsentFunctions {
    private AbsentFunctions() {
    }

    static void register(Map<String, PromqlFunction> functions) {
        functions.put("absent", call -> call.vector(0).isEmpty() ? absentSample(call) : empty());
        functions.put("absent_over_time", call -> call.matrix(0).isEmpty() ? absentSample(call) : empty());
    }

    private static Value empty() {
        return new Value.InstantVector(List.of());
    }

    private static Value absentSample(FunctionCall call) {
        return new Value.InstantVector(List.of(call.sample(labelsFor(Expr.unwrapParens(call.expr().args().get(0))), 1)));
    }

    /** As Prometheus: a label matched for equality more than once, or otherwise too, is left out. */
    private static Labels labelsFor(Expr arg) {
        VectorSelector selector = arg instanceof MatrixSelector matrix ? matrix.selector()
                : arg instanceof VectorSelector vector ? vector : null;
        if (selector == null) {
            return Labels.EMPTY;
        }
        Labels.Builder builder = Labels.builder();
        Set<String> seen = new HashSet<>();
        for (LabelMatcher matcher : selector.matchers()) {
            if (matcher.name().equals(Labels.METRIC_NAME)) {
                continue;
            }
            if (matcher.type() == LabelMatcher.Type.EQUAL && seen.add(matcher.name())) {
                builder.add(matcher.name(), matcher.value());
            } else {
                builder.remove(matcher.name());
            }
        }
        return builder.build();
    }
}
