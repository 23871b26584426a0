package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.ast.BinaryExpr;
import io.quayside.functions.promql.ast.BinaryOperator;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.List;

/** Binary operators between scalars and instant vectors; set operators go to {@link SetOperation}. */
final class BinaryOperation {
    private BinaryOperation() {
    }

    static Value apply(BinaryExpr expr, Value lhs, Value rhs, long t) {
        BinaryOperator op = expr.op();
        if (lhs instanceof Value.Scalar l && rhs instanceof Value.Scalar r) {
            double value = op.isComparison()
                    ? (ElementOperations.compare(op, l.value(), r.value()) ? 1 : 0)
                    : ElementOperations.arithmetic(op, l.value(), r.value());
            return new Value.Scalar(value);
        }
        if (lhs instanceof Value.Scalar l) {
            return vectorScalar(expr, vector(rhs), l.value(), true, t);
        }
        if (rhs instanceof Value.Scalar r) {
            return vectorScalar(expr, vector(lhs), r.value(), false, t);
        }
        if (op.isSetOperator()) {
            return new Value.InstantVector(SetOperation.apply(op, expr.matching(), vector(lhs), vector(rhs)));
        }
        return new Value.InstantVector(new VectorMatcher(expr, t).match(vector(lhs), vector(rhs)));
    }

    private static List<Sample> vector(Value value) {
        return ((Value.InstantVector) value).samples();
    }

    /** {@code scalarOnLeft}: the scalar is the left operand, yet comparisons keep the vector's value. */
    private static Value vectorScalar(BinaryExpr expr, List<Sample> vector, double scalar, boolean scalarOnLeft, long t) {
        List<Sample> out = new ArrayList<>(vector.size());
        for (Sample sample : vector) {
            double lhs = scalarOnLeft ? scalar : sample.value();
            double rhs = scalarOnLeft ? sample.value() : scalar;
            Double value = combine(expr, lhs, rhs, sample.value());
            if (value != null) {
                out.add(new Sample(resultLabels(expr, sample.labels()), value, t));
            }
        }
        return new Value.InstantVector(out);
    }

    /**
     * The result value for one pair, or null when a filtering comparison drops it. A comparison
     * without {@code bool} keeps {@code kept}: the left value, or the vector's value beside a scalar.
     */
    static Double combine(BinaryExpr expr, double lhs, double rhs, double kept) {
        BinaryOperator op = expr.op();
        if (!op.isComparison()) {
            return ElementOperations.arithmetic(op, lhs, rhs);
        }
        boolean holds = ElementOperations.compare(op, lhs, rhs);
        if (expr.returnBool()) {
            return holds ? 1.0 : 0.0;
        }
        return holds ? kept : null;
    }

    /** Arithmetic and {@code bool} comparisons drop the metric name; filtering comparisons keep it. */
    static Labels resultLabels(BinaryExpr expr, Labels labels) {
        boolean dropName = !expr.op().isComparison() || expr.returnBool();
        return dropName ? labels.without(Labels.METRIC_NAME) : labels;
    }
}
