package io.quayside.functions.promql.parser;

import io.quayside.functions.promql.ast.AggregationOp;

import java.util.Locale;
import java.util.Set;

/** A lexed token; {@code text} is the source text, {@code position} its offset. */
public record Token(TokenType type, String text, int position) {
    public boolean is(TokenType t, String s) {
        return type == t && text.equals(s);
    }

    /** Keywords are case-insensitive, as in Prometheus. */
    public boolean isKeyword(String keyword) {
        return type == TokenType.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    private static final Set<String> KEYWORDS = Set.of(
            "bool", "by", "without", "on", "ignoring", "group_left", "group_right", "offset");
    private static final Set<String> KEYWORD_OPERATORS = Set.of("and", "or", "unless", "atan2");

    /** Keywords may name metrics, but cannot be called as functions. */
    public boolean isReservedKeyword() {
        String lower = text.toLowerCase(Locale.ROOT);
        return type == TokenType.IDENTIFIER && (KEYWORDS.contains(lower) || KEYWORD_OPERATORS.contains(lower));
    }

    /** How Prometheus names the token in "unexpected ..." errors. */
    public String describe() {
        String lower = text.toLowerCase(Locale.ROOT);
        return switch (type) {
            case EOF -> "end of input";
            case IDENTIFIER -> KEYWORDS.contains(lower) ? "<" + text + ">"
                    : KEYWORD_OPERATORS.contains(lower) ? "<op:" + text + ">"
                    : AggregationOp.byKeyword(text) != null ? "<aggr:" + text + ">"
                    : (text.indexOf(':') >= 0 ? "metric identifier " : "identifier ") + StringLiterals.goQuote(text);
            case NUMBER -> "number " + StringLiterals.goQuote(text);
            case DURATION -> "duration " + StringLiterals.goQuote(text);
            case STRING -> "string " + StringLiterals.goQuote(text);
            case OPERATOR, ASSIGN, REGEX_MATCH, REGEX_NO_MATCH, AT -> "<op:" + text + ">";
            default -> StringLiterals.goQuote(text);
        };
    }
}
