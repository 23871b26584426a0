package io.quayside.functions.promql.parser;

public enum TokenType {
    IDENTIFIER, NUMBER, DURATION, STRING,
    LEFT_PAREN, RIGHT_PAREN, LEFT_BRACE, RIGHT_BRACE, LEFT_BRACKET, RIGHT_BRACKET,
    COMMA, COLON, AT,
    /** Symbolic binary operators: {@code + - * / % ^ == != <= < >= >}. */
    OPERATOR,
    /** The matcher operators that are not also binary operators. */
    ASSIGN, REGEX_MATCH, REGEX_NO_MATCH,
    EOF
}
