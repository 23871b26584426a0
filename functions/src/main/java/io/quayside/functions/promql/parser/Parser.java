package io.quayside.functions.promql.parser;

import io.quayside.functions.promql.ast.Aggregation;
import io.quayside.functions.promql.ast.AggregationOp;
import io.quayside.functions.promql.ast.BinaryExpr;
import io.quayside.functions.promql.ast.BinaryOperator;
import io.quayside.functions.promql.ast.Call;
import io.quayside.functions.promql.ast.Expr;
import io.quayside.functions.promql.ast.FunctionSignature;
import io.quayside.functions.promql.ast.NumberLiteral;
import io.quayside.functions.promql.ast.ParenExpr;
import io.quayside.functions.promql.ast.StringLiteral;
import io.quayside.functions.promql.ast.UnaryMinus;
import io.quayside.functions.promql.ast.ValueType;
import io.quayside.functions.promql.ast.VectorMatching;
import io.quayside.functions.promql.ast.VectorMatching.Cardinality;

import java.util.ArrayList;
import java.util.List;

/** Recursive-descent PromQL parser; operator precedence climbing mirrors Prometheus' grammar. */
public final class Parser {
    private final TokenStream in;
    private final SelectorParser selectors;

    private Parser(String input) {
        this.in = new TokenStream(input, Lexer.tokenize(input));
        this.selectors = new SelectorParser(in);
    }

    /** Parses and type-checks a query. */
    public static Expr parse(String input) {
        Parser parser = new Parser(input);
        Expr expr = parser.parseExpr(0);
        if (parser.in.peek().type() != TokenType.EOF) {
            throw parser.in.unexpected(parser.in.peek(), "");
        }
        new TypeChecker(input).check(expr);
        return expr;
    }

    Expr parseExpr(int minPrecedence) {
        Expr lhs = parseUnary();
        while (true) {
            BinaryOperator op = binaryOperatorAt(in.peek());
            if (op == null || op.precedence() < minPrecedence) {
                return lhs;
            }
            in.next();
            boolean returnBool = in.acceptKeyword("bool");
            VectorMatching matching = parseMatching(op);
            Expr rhs = parseExpr(op.isRightAssociative() ? op.precedence() : op.precedence() + 1);
            lhs = new BinaryExpr(op, lhs, rhs, returnBool, matching, lhs.position());
        }
    }

    private static BinaryOperator binaryOperatorAt(Token token) {
        boolean keywordOperator = token.type() == TokenType.IDENTIFIER && (token.isKeyword("and")
                || token.isKeyword("or") || token.isKeyword("unless") || token.isKeyword("atan2"));
        return token.type() == TokenType.OPERATOR || keywordOperator ? BinaryOperator.bySymbol(token.text()) : null;
    }

    private VectorMatching parseMatching(BinaryOperator op) {
        Cardinality cardinality = op.isSetOperator() ? Cardinality.MANY_TO_MANY : Cardinality.ONE_TO_ONE;
        boolean on = in.peek().isKeyword("on");
        if (!on && !in.peek().isKeyword("ignoring")) {
            return cardinality == Cardinality.ONE_TO_ONE ? VectorMatching.DEFAULT
                    : new VectorMatching(cardinality, List.of(), false, List.of());
        }
        in.next();
        List<String> labels = parseLabelList();
        List<String> include = List.of();
        Token group = in.peek();
        if (group.isKeyword("group_left") || group.isKeyword("group_right")) {
            in.next();
            if (op.isSetOperator()) {
                throw in.error(group.position(), "no grouping allowed for \"" + op.symbol() + "\" operation");
            }
            cardinality = group.isKeyword("group_left") ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
            include = in.peek().type() == TokenType.LEFT_PAREN ? parseLabelList() : List.of();
            for (String label : include) {
                if (on && labels.contains(label)) {
                    throw in.error(group.position(), "label \"" + label + "\" must not occur in ON and GROUP clause at once");
                }
            }
        }
        return new VectorMatching(cardinality, labels, on, include);
    }

    private Expr parseUnary() {
        Token token = in.peek();
        if (token.type() == TokenType.OPERATOR && (token.text().equals("-") || token.text().equals("+"))) {
            in.next();
            Expr operand = parseExpr(BinaryOperator.POW.precedence());
            if (operand.type() != ValueType.SCALAR && operand.type() != ValueType.VECTOR) {
                throw in.error(token.position(), "unary expression only allowed on expressions of type scalar or instant vector, got \""
                        + operand.type() + "\"");
            }
            if (token.text().equals("+")) {
                return operand;
            }
            return operand instanceof NumberLiteral number
                    ? new NumberLiteral(-number.value(), token.position())
                    : new UnaryMinus(operand, token.position());
        }
        return selectors.parsePostfix(parsePrimary());
    }

    private Expr parsePrimary() {
        Token token = in.next();
        switch (token.type()) {
            case NUMBER -> {
                return new NumberLiteral(Numbers.parse(token.text()), token.position());
            }
            case DURATION -> {
                return new NumberLiteral(Durations.parseMillis(token.text()) / 1000.0, token.position());
            }
            case STRING -> {
                return new StringLiteral(in.unquote(token), token.position());
            }
            case LEFT_PAREN -> {
                Expr inner = parseExpr(0);
                in.expect(TokenType.RIGHT_PAREN, "in parenthesized expression");
                return new ParenExpr(inner, token.position());
            }
            case LEFT_BRACE -> {
                return selectors.parseSelector(null, token.position());
            }
            case IDENTIFIER -> {
                return parseIdentifierExpr(token);
            }
            default -> throw in.unexpected(token, "");
        }
    }

    private Expr parseIdentifierExpr(Token token) {
        AggregationOp aggregation = AggregationOp.byKeyword(token.text());
        Token after = in.peek();
        if (aggregation != null && (after.type() == TokenType.LEFT_PAREN || after.isKeyword("by") || after.isKeyword("without"))) {
            return parseAggregation(aggregation, token);
        }
        if (after.type() == TokenType.LEFT_PAREN) {
            if (token.isReservedKeyword()) {
                throw in.unexpected(token, "");
            }
            return parseCall(token);
        }
        if (Numbers.isInfOrNaN(token.text())) {
            return new NumberLiteral(Numbers.parse(token.text()), token.position());
        }
        return selectors.parseSelector(token.text(), token.position());
    }

    private Expr parseCall(Token name) {
        FunctionSignature function = FunctionCatalog.lookup(name.text());
        if (function == null) {
            throw in.error(name.position(), "unknown function with name \"" + name.text() + "\"");
        }
        return new Call(function, parseArguments("function call"), name.position());
    }

    private Expr parseAggregation(AggregationOp op, Token name) {
        Grouping grouping = parseGrouping();
        List<Expr> args = parseArguments("aggregation");
        int expected = op.parameterType() == null ? 1 : 2;
        if (args.size() != expected) {
            throw in.error(name.position(), "wrong number of arguments for aggregate expression provided, expected "
                    + expected + ", got " + args.size());
        }
        if (grouping == null) {
            grouping = parseGrouping();
        }
        List<String> labels = grouping == null ? List.of() : grouping.labels();
        boolean without = grouping != null && grouping.without();
        Expr param = expected == 2 ? args.get(0) : null;
        return new Aggregation(op, args.get(expected - 1), param, labels, without, name.position());
    }

    /** {@code (expr, expr, ...)}, possibly empty. */
    private List<Expr> parseArguments(String context) {
        in.expect(TokenType.LEFT_PAREN, "in " + context);
        List<Expr> args = new ArrayList<>();
        while (in.peek().type() != TokenType.RIGHT_PAREN) {
            if (!args.isEmpty()) {
                in.expect(TokenType.COMMA, "in " + context + " argument list");
            }
            args.add(parseExpr(0));
        }
        in.next();
        return List.copyOf(args);
    }

    private record Grouping(List<String> labels, boolean without) {
    }

    private Grouping parseGrouping() {
        Token token = in.peek();
        if (!token.isKeyword("by") && !token.isKeyword("without")) {
            return null;
        }
        in.next();
        return new Grouping(parseLabelList(), token.isKeyword("without"));
    }

    /** {@code (a, b, "c")} for on/ignoring/group/by/without; a trailing comma is allowed. */
    private List<String> parseLabelList() {
        in.expect(TokenType.LEFT_PAREN, "in grouping opts");
        List<String> labels = new ArrayList<>();
        while (in.peek().type() != TokenType.RIGHT_PAREN) {
            Token label = in.next();
            if (label.type() == TokenType.IDENTIFIER) {
                labels.add(label.text());
            } else if (label.type() == TokenType.STRING) {
                labels.add(in.unquote(label));
            } else {
                throw in.unexpected(label, " in grouping opts, expected label");
            }
            if (in.peek().type() != TokenType.RIGHT_PAREN) {
                in.expect(TokenType.COMMA, "in grouping opts");
            }
        }
        in.next();
        return List.copyOf(labels);
    }
}
