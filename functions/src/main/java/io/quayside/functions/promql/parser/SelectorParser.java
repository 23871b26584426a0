package io.quayside.functions.promql.parser;

import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.ast.AtModifier;
import io.quayside.functions.promql.ast.Expr;
import io.quayside.functions.promql.ast.MatrixSelector;
import io.quayside.functions.promql.ast.Subquery;
import io.quayside.functions.promql.ast.TimeModifiers;
import io.quayside.functions.promql.ast.VectorSelector;
import io.quayside.model.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** Selectors and what may follow an expression: {@code [range]}, {@code [range:step]}, offset, {@code @}. */
final class SelectorParser {
    private final TokenStream in;

    SelectorParser(TokenStream in) {
        this.in = in;
    }

    /** After the metric name (or null) and before an optional {@code {...}}. */
    VectorSelector parseSelector(String name, int position) {
        List<LabelMatcher> matchers = new ArrayList<>();
        String metricName = name;
        if (name != null) {
            matchers.add(LabelMatcher.of(LabelMatcher.Type.EQUAL, Labels.METRIC_NAME, name));
            if (in.peek().type() == TokenType.LEFT_BRACE) {
                in.next();
                parseMatchers(matchers, name);
            }
        } else {
            metricName = parseMatchers(matchers, null);
        }
        boolean anyNonEmpty = matchers.stream().anyMatch(m -> !m.matches(""));
        if (!anyNonEmpty) {
            throw in.error(position, "vector selector must contain at least one non-empty matcher");
        }
        return new VectorSelector(metricName, List.copyOf(matchers), TimeModifiers.NONE, position);
    }

    /** Reads matchers up to and including '}'; returns the metric name given inside, if any. */
    private String parseMatchers(List<LabelMatcher> matchers, String outerName) {
        String metricName = outerName;
        while (in.peek().type() != TokenType.RIGHT_BRACE) {
            Token label = in.next();
            String labelName;
            if (label.type() == TokenType.STRING && !isMatchOperator(in.peek())) {
                String quotedName = in.unquote(label);
                if (metricName != null) {
                    throw in.error(label.position(), "metric name must not be set twice: \"" + metricName + "\" or \"" + quotedName + "\"");
                }
                metricName = quotedName;
                matchers.add(LabelMatcher.of(LabelMatcher.Type.EQUAL, Labels.METRIC_NAME, quotedName));
            } else {
                if (label.type() == TokenType.IDENTIFIER) {
                    labelName = label.text();
                } else if (label.type() == TokenType.STRING) {
                    labelName = in.unquote(label);
                } else {
                    throw in.unexpected(label, " in label matching, expected label");
                }
                matchers.add(parseMatcher(labelName, outerName));
            }
            if (in.peek().type() != TokenType.RIGHT_BRACE) {
                in.expect(TokenType.COMMA, "in label matching, expected \",\" or \"}\"");
            }
        }
        in.next();
        return metricName;
    }

    private LabelMatcher parseMatcher(String labelName, String outerName) {
        Token op = in.next();
        LabelMatcher.Type type = matchType(op);
        if (type == null) {
            throw in.unexpected(op, " in label matching, expected label matching operator");
        }
        Token value = in.next();
        if (value.type() != TokenType.STRING) {
            throw in.unexpected(value, " in label matching, expected string");
        }
        String text = in.unquote(value);
        if (outerName != null && labelName.equals(Labels.METRIC_NAME)) {
            throw in.error(value.position(), "metric name must not be set twice: \"" + outerName + "\" or \"" + text + "\"");
        }
        try {
            return LabelMatcher.of(type, labelName, text);
        } catch (PatternSyntaxException e) {
            throw in.error(value.position(), "error parsing regexp: " + e.getDescription());
        }
    }

    private static boolean isMatchOperator(Token token) {
        return matchType(token) != null;
    }

    private static LabelMatcher.Type matchType(Token token) {
        return switch (token.type()) {
            case ASSIGN -> LabelMatcher.Type.EQUAL;
            case REGEX_MATCH -> LabelMatcher.Type.REGEX;
            case REGEX_NO_MATCH -> LabelMatcher.Type.NOT_REGEX;
            case OPERATOR -> token.text().equals("!=") ? LabelMatcher.Type.NOT_EQUAL : null;
            default -> null;
        };
    }

    Expr parsePostfix(Expr primary) {
        Expr expr = primary;
        while (true) {
            Token token = in.peek();
            if (token.type() == TokenType.LEFT_BRACKET) {
                expr = parseRangeOrSubquery(expr);
            } else if (token.isKeyword("offset")) {
                in.next();
                expr = withModifiers(expr, modifiersOf(expr, token).withOffset(parseOffset()));
            } else if (token.type() == TokenType.AT) {
                in.next();
                expr = withModifiers(expr, modifiersOf(expr, token).withAt(parseAt(token)));
            } else {
                return expr;
            }
        }
    }

    private Expr parseRangeOrSubquery(Expr expr) {
        Token open = in.next();
        long range = parseDuration(false);
        if (in.peek().type() == TokenType.COLON) {
            in.next();
            long step = in.peek().type() == TokenType.RIGHT_BRACKET ? 0 : parseDuration(false);
            in.expect(TokenType.RIGHT_BRACKET, "in subquery selector");
            return new Subquery(expr, range, step, TimeModifiers.NONE, expr.position());
        }
        in.expect(TokenType.RIGHT_BRACKET, "in range selector");
        if (!(expr instanceof VectorSelector selector)) {
            throw in.error(open.position(), "ranges only allowed for vector selectors");
        }
        if (selector.modifiers() != TimeModifiers.NONE) {
            throw in.error(open.position(), "no offset modifiers allowed before range");
        }
        return new MatrixSelector(selector, range, expr.position());
    }

    private long parseOffset() {
        boolean negative = in.peek().is(TokenType.OPERATOR, "-");
        if (negative) {
            in.next();
        }
        long offset = parseDuration(true);
        return negative ? -offset : offset;
    }

    /** A duration or a number of seconds, as in {@code [5m]} or {@code [300]}. */
    private long parseDuration(boolean allowZero) {
        Token token = in.next();
        long ms;
        if (token.type() == TokenType.DURATION) {
            ms = Durations.parseMillis(token.text());
        } else if (token.type() == TokenType.NUMBER && !Numbers.isInfOrNaN(token.text())) {
            ms = Durations.secondsToMillis(Numbers.parse(token.text()));
        } else {
            throw in.unexpected(token, ", expected duration");
        }
        if (ms == 0 && !allowZero) {
            throw in.error(token.position(), "duration must be greater than 0");
        }
        return ms;
    }

    private AtModifier parseAt(Token at) {
        Token token = in.next();
        if (token.isKeyword("start") || token.isKeyword("end")) {
            in.expect(TokenType.LEFT_PAREN, "in @ modifier");
            in.expect(TokenType.RIGHT_PAREN, "in @ modifier");
            return new AtModifier(token.isKeyword("start") ? AtModifier.Anchor.START : AtModifier.Anchor.END, 0);
        }
        boolean negative = token.is(TokenType.OPERATOR, "-");
        if (negative || token.is(TokenType.OPERATOR, "+")) {
            token = in.next();
        }
        if (token.type() != TokenType.NUMBER && token.type() != TokenType.DURATION) {
            throw in.unexpected(token, " in @, expected timestamp");
        }
        double seconds = token.type() == TokenType.DURATION
                ? Durations.parseMillis(token.text()) / 1000.0 : Numbers.parse(token.text());
        seconds = negative ? -seconds : seconds;
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || Math.abs(seconds) > Long.MAX_VALUE / 1000.0) {
            throw in.error(at.position(), "timestamp out of bounds for @ modifier: " + seconds);
        }
        return new AtModifier(AtModifier.Anchor.TIMESTAMP, Math.round(seconds * 1000));
    }

    private TimeModifiers modifiersOf(Expr expr, Token modifier) {
        TimeModifiers modifiers;
        if (expr instanceof VectorSelector s) {
            modifiers = s.modifiers();
        } else if (expr instanceof MatrixSelector m) {
            modifiers = m.selector().modifiers();
        } else if (expr instanceof Subquery q) {
            modifiers = q.modifiers();
        } else {
            throw in.error(expr.position(), (modifier.type() == TokenType.AT ? "@" : "offset")
                    + " modifier must be preceded by an instant vector selector or range vector selector or a subquery");
        }
        if (modifier.type() == TokenType.AT && modifiers.at() != null) {
            throw in.error(expr.position(), "@ <timestamp> may not be set multiple times");
        }
        if (modifier.type() != TokenType.AT && modifiers.hasOffset()) {
            throw in.error(expr.position(), "offset may not be set multiple times");
        }
        return modifiers;
    }

    /** Only called after {@link #modifiersOf} accepted the expression. */
    private static Expr withModifiers(Expr expr, TimeModifiers modifiers) {
        if (expr instanceof VectorSelector s) {
            return s.withModifiers(modifiers);
        }
        if (expr instanceof MatrixSelector m) {
            return m.withModifiers(modifiers);
        }
        return ((Subquery) expr).withModifiers(modifiers);
    }
}
