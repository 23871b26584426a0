package io.quayside.functions.promql.ast;

/** A node of a parsed PromQL expression; {@code position} is the offset of its first character. */
public sealed interface Expr permits NumberLiteral, StringLiteral, VectorSelector, MatrixSelector, Subquery,
        UnaryMinus, BinaryExpr, Aggregation, Call, ParenExpr {
    ValueType type();

    int position();

    /** Parentheses change nothing at evaluation; several functions look through them. */
    static Expr unwrapParens(Expr expr) {
        Expr e = expr;
        while (e instanceof ParenExpr paren) {
            e = paren.expr();
        }
        return e;
    }
}
