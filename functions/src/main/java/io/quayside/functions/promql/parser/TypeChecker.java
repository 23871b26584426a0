package io.quayside.functions.promql.parser;

import io.quayside.functions.promql.ast.Aggregation;
import io.quayside.functions.promql.ast.BinaryExpr;
import io.quayside.functions.promql.ast.Call;
import io.quayside.functions.promql.ast.Expr;
import io.quayside.functions.promql.ast.FunctionSignature;
import io.quayside.functions.promql.ast.ParenExpr;
import io.quayside.functions.promql.ast.Subquery;
import io.quayside.functions.promql.ast.UnaryMinus;
import io.quayside.functions.promql.ast.ValueType;

/** The type rules Prometheus applies after parsing, with its wording. */
final class TypeChecker {
    private final String input;

    TypeChecker(String input) {
        this.input = input;
    }

    void check(Expr expr) {
        if (expr instanceof ParenExpr paren) {
            check(paren.expr());
        } else if (expr instanceof UnaryMinus unary) {
            check(unary.expr());
        } else if (expr instanceof Subquery subquery) {
            check(subquery.expr());
            if (subquery.expr().type() != ValueType.VECTOR) {
                throw error(subquery, "subquery is only allowed on instant vector, got " + subquery.expr().type() + " instead");
            }
        } else if (expr instanceof Aggregation aggregation) {
            checkAggregation(aggregation);
        } else if (expr instanceof BinaryExpr binary) {
            checkBinary(binary);
        } else if (expr instanceof Call call) {
            checkCall(call);
        }
    }

    private void checkAggregation(Aggregation aggregation) {
        check(aggregation.expr());
        if (aggregation.expr().type() != ValueType.VECTOR) {
            throw error(aggregation.expr(), "expected type instant vector in aggregation expression, got " + aggregation.expr().type());
        }
        if (aggregation.param() != null) {
            check(aggregation.param());
            ValueType expected = aggregation.op().parameterType();
            if (aggregation.param().type() != expected) {
                throw error(aggregation.param(), "expected type " + expected + " in aggregation parameter, got " + aggregation.param().type());
            }
        }
    }

    private void checkBinary(BinaryExpr binary) {
        check(binary.lhs());
        check(binary.rhs());
        ValueType left = binary.lhs().type();
        ValueType right = binary.rhs().type();
        boolean anyScalar = left == ValueType.SCALAR || right == ValueType.SCALAR;
        if (binary.returnBool() && !binary.op().isComparison()) {
            throw error(binary, "bool modifier can only be used on comparisons");
        }
        if (binary.op().isComparison() && !binary.returnBool() && left == ValueType.SCALAR && right == ValueType.SCALAR) {
            throw error(binary, "comparisons between scalars must use BOOL modifier");
        }
        if (binary.op().isSetOperator() && anyScalar) {
            throw error(binary, "set operator \"" + binary.op().symbol() + "\" not allowed in binary scalar expression");
        }
        if (!isScalarOrVector(left) || !isScalarOrVector(right)) {
            throw error(isScalarOrVector(left) ? binary.rhs() : binary.lhs(),
                    "binary expression must contain only scalar and instant vector types");
        }
        if (anyScalar && (binary.matching().on() || !binary.matching().labels().isEmpty())) {
            throw error(binary, "vector matching only allowed between instant vectors");
        }
    }

    private void checkCall(Call call) {
        FunctionSignature function = call.function();
        int count = call.args().size();
        if (count < function.minArgs() || count > function.maxArgs()) {
            String bound = function.minArgs() == function.maxArgs() ? ""
                    : count < function.minArgs() ? "at least " : "at most ";
            int expected = count < function.minArgs() ? function.minArgs() : function.maxArgs();
            throw error(call, "expected " + bound + expected + " argument(s) in call to \"" + function.name() + "\", got " + count);
        }
        for (int i = 0; i < count; i++) {
            Expr arg = call.args().get(i);
            check(arg);
            ValueType expected = function.argType(i);
            if (arg.type() != expected) {
                throw error(arg, "expected type " + expected + " in call to function \"" + function.name() + "\", got " + arg.type());
            }
        }
    }

    private static boolean isScalarOrVector(ValueType type) {
        return type == ValueType.SCALAR || type == ValueType.VECTOR;
    }

    private ParseException error(Expr at, String detail) {
        return new ParseException(input, at.position(), detail);
    }
}
