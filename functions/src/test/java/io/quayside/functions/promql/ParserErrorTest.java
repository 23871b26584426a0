package io.quayside.functions.promql;

import io.quayside.functions.promql.ast.BinaryExpr;
import io.quayside.functions.promql.ast.BinaryOperator;
import io.quayside.functions.promql.ast.Expr;
import io.quayside.functions.promql.ast.UnaryMinus;
import io.quayside.functions.promql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parse errors carry Prometheus' {@code line:column: parse error: ...} form and wording. */
class ParserErrorTest {
    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of("foo{", "1:5: parse error: unexpected end of input inside braces"),
                Arguments.of("foo}", "1:4: parse error: unexpected character: '}'"),
                Arguments.of("$$$", "1:1: parse error: unexpected character: '$'"),
                Arguments.of("some_metric{a=b}", "1:15: parse error: unexpected identifier \"b\" in label matching, expected string"),
                Arguments.of("some_metric{a:b=\"b\"}", "1:14: parse error: unexpected character inside braces: ':'"),
                Arguments.of("1 =~ 1", "1:3: parse error: unexpected character after '=': '~'"),
                Arguments.of("-\"string\"", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\""),
                Arguments.of("-test[5m]", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\""),
                Arguments.of("*test", "1:1: parse error: unexpected <op:*>"),
                Arguments.of("1 offset 1d", "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
                Arguments.of("foo offset 1s offset 2s", "1:1: parse error: offset may not be set multiple times"),
                Arguments.of("a - on(b) ignoring(c) d", "1:11: parse error: unexpected <ignoring>"),
                Arguments.of("1 +", "1:4: parse error: unexpected end of input"),
                Arguments.of("(1", "1:3: parse error: unclosed left parenthesis"),
                Arguments.of("1)", "1:2: parse error: unexpected right parenthesis ')'"),
                Arguments.of("foo[5m", "1:7: parse error: unclosed left bracket"),
                Arguments.of("rate(foo)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"),
                Arguments.of("foo[5m] + 1", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
                Arguments.of("unknown(x)", "1:1: parse error: unknown function with name \"unknown\""),
                Arguments.of("1 == 1", "1:1: parse error: comparisons between scalars must use BOOL modifier"),
                Arguments.of("foo and 1", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression"),
                Arguments.of("1 + bool 2", "1:1: parse error: bool modifier can only be used on comparisons"),
                Arguments.of("rate(foo[5m], 1)", "1:1: parse error: expected 1 argument(s) in call to \"rate\", got 2"),
                Arguments.of("label_join(x, \"a\")", "1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 2"),
                Arguments.of("topk(foo)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1"),
                Arguments.of("sum(x[5m])", "1:5: parse error: expected type instant vector in aggregation expression, got range vector"),
                Arguments.of("count_values(1, x)", "1:14: parse error: expected type string in aggregation parameter, got scalar"),
                Arguments.of("x + on(a) group_left(a) y", "1:11: parse error: label \"a\" must not occur in ON and GROUP clause at once"),
                Arguments.of("foo{__name__=\"bar\"}", "1:14: parse error: metric name must not be set twice: \"foo\" or \"bar\""),
                Arguments.of("{a=\"\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
                Arguments.of("(foo)[5m]", "1:6: parse error: ranges only allowed for vector selectors"),
                Arguments.of("x[5m][1h:1m]", "1:1: parse error: subquery is only allowed on instant vector, got range vector instead"),
                Arguments.of("\"unterminated", "1:1: parse error: unterminated quoted string"),
                Arguments.of("sum(rate(x[5m]))\n  + on(a) group_left", "2:21: parse error: unexpected end of input"));
    }

    @ParameterizedTest
    @MethodSource("invalidQueries")
    void reportsErrorWithPosition(String query, String message) {
        assertThatThrownBy(() -> Parser.parse(query)).isInstanceOf(PromqlException.class).hasMessage(message);
    }

    @Test
    void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
        Expr expr = Parser.parse("-2 ^ 3 ^ 2");
        assertThat(expr).isInstanceOf(UnaryMinus.class);
        BinaryExpr power = (BinaryExpr) ((UnaryMinus) expr).expr();
        assertThat(power.op()).isEqualTo(BinaryOperator.POW);
        assertThat(power.rhs()).isInstanceOf(BinaryExpr.class);
    }

    @Test
    void setOperatorsBindLooserThanComparisons() {
        BinaryExpr expr = (BinaryExpr) Parser.parse("a > 1 or b and c unless d");
        assertThat(expr.op()).isEqualTo(BinaryOperator.OR);
        assertThat(((BinaryExpr) expr.rhs()).op()).isEqualTo(BinaryOperator.UNLESS);
    }
}
