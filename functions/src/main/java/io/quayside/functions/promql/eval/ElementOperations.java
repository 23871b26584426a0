package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.ast.BinaryOperator;

/** Arithmetic and comparison on two floats, with Go's math semantics where Java differs. */
final class ElementOperations {
    private ElementOperations() {
    }

    static double arithmetic(BinaryOperator op, double lhs, double rhs) {
        return switch (op) {
            case ADD -> lhs + rhs;
            case SUB -> lhs - rhs;
            case MUL -> lhs * rhs;
            case DIV -> lhs / rhs;
            case MOD -> lhs % rhs;
            case POW -> goPow(lhs, rhs);
            case ATAN2 -> Math.atan2(lhs, rhs);
            default -> throw new IllegalArgumentException("not arithmetic: " + op);
        };
    }

    static boolean compare(BinaryOperator op, double lhs, double rhs) {
        return switch (op) {
            case EQL -> lhs == rhs;
            case NEQ -> lhs != rhs;
            case GTR -> lhs > rhs;
            case LSS -> lhs < rhs;
            case GTE -> lhs >= rhs;
            case LTE -> lhs <= rhs;
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        };
    }

    /** Go's math.Pow: 1 to any power is 1, and -1 to an infinite power is 1; Java says NaN. */
    static double goPow(double x, double y) {
        if (x == 1 || (x == -1 && Double.isInfinite(y))) {
            return 1;
        }
        return Math.pow(x, y);
    }
}
