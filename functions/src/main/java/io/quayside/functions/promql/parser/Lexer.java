package io.quayside.functions.promql.parser;

import java.util.ArrayList;
import java.util.List;

/** Splits a PromQL query into tokens; strings keep their quotes until the parser unquotes them. */
final class Lexer {
    private static final String SINGLE_CHAR_TOKENS = "(){}[],@";
    private static final TokenType[] SINGLE_CHAR_TYPES = {
        TokenType.LEFT_PAREN, TokenType.RIGHT_PAREN, TokenType.LEFT_BRACE, TokenType.RIGHT_BRACE,
        TokenType.LEFT_BRACKET, TokenType.RIGHT_BRACKET, TokenType.COMMA, TokenType.AT};

    private final String input;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int parenDepth;
    /** Inside {@code [...]} a colon separates range and step; elsewhere it belongs to metric names. */
    private boolean inBrackets;
    /** Inside {@code {...}} only label names, strings, commas and matcher operators may appear. */
    private boolean inBraces;

    private Lexer(String input) {
        this.input = input;
    }

    static List<Token> tokenize(String input) {
        Lexer lexer = new Lexer(input);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipSpaceAndComments();
            if (pos >= input.length()) {
                requireClosed();
                tokens.add(new Token(TokenType.EOF, "", pos));
                return;
            }
            if (inBraces) {
                lexInsideBraces();
            } else {
                lexOne();
            }
        }
    }

    private void skipSpaceAndComments() {
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == '#') {
                while (pos < input.length() && input.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private void lexOne() {
        char c = input.charAt(pos);
        int start = pos;
        int single = SINGLE_CHAR_TOKENS.indexOf(c);
        if (single >= 0) {
            trackNesting(c);
            pos++;
            emit(SINGLE_CHAR_TYPES[single], start);
        } else if (c == ':' && inBrackets) {
            pos++;
            emit(TokenType.COLON, start);
        } else if (c == '"' || c == '\'' || c == '`') {
            lexString(c);
        } else if (isDigit(c) || (c == '.' && pos + 1 < input.length() && isDigit(input.charAt(pos + 1)))) {
            lexNumberOrDuration();
        } else if (isIdentifierStart(c)) {
            while (pos < input.length() && isIdentifierPart(input.charAt(pos))) {
                pos++;
            }
            emit(TokenType.IDENTIFIER, start);
        } else {
            lexOperator(c);
        }
    }

    /** Prometheus' lexer reports unbalanced delimiters itself, with these words. */
    private void trackNesting(char c) {
        switch (c) {
            case '(' -> parenDepth++;
            case ')' -> {
                if (--parenDepth < 0) {
                    throw error(pos, "unexpected right parenthesis ')'");
                }
            }
            case '[' -> {
                if (inBrackets) {
                    throw error(pos, "unexpected left bracket '['");
                }
                inBrackets = true;
            }
            case ']' -> {
                if (!inBrackets) {
                    throw error(pos, "unexpected right bracket ']'");
                }
                inBrackets = false;
            }
            case '{' -> inBraces = true;
            case '}' -> throw error(pos, "unexpected character: '}'");
            default -> {
            }
        }
    }

    private void requireClosed() {
        if (inBraces) {
            throw error(pos, "unexpected end of input inside braces");
        }
        if (parenDepth > 0) {
            throw error(pos, "unclosed left parenthesis");
        }
        if (inBrackets) {
            throw error(pos, "unclosed left bracket");
        }
    }

    private void lexInsideBraces() {
        char c = input.charAt(pos);
        int start = pos;
        if (c == '}') {
            inBraces = false;
            pos++;
            emit(TokenType.RIGHT_BRACE, start);
        } else if (c == ',') {
            pos++;
            emit(TokenType.COMMA, start);
        } else if (c == '"' || c == '\'' || c == '`') {
            lexString(c);
        } else if (c == '=' || c == '!') {
            lexOperator(c);
        } else if (isIdentifierStart(c) && c != ':') {
            while (pos < input.length() && isIdentifierPart(input.charAt(pos)) && input.charAt(pos) != ':') {
                pos++;
            }
            emit(TokenType.IDENTIFIER, start);
        } else {
            throw error(start, "unexpected character inside braces: " + quoteChar(c));
        }
    }

    private void lexOperator(char c) {
        int start = pos;
        char next = pos + 1 < input.length() ? input.charAt(pos + 1) : 0;
        pos++;
        switch (c) {
            case '+', '-', '*', '/', '%', '^' -> emit(TokenType.OPERATOR, start);
            case '=' -> {
                if (next == '=' && !inBraces) {
                    pos++;
                    emit(TokenType.OPERATOR, start);
                } else if (next == '~' && !inBraces) {
                    throw error(start, "unexpected character after '=': '~'");
                } else if (next == '~') {
                    pos++;
                    emit(TokenType.REGEX_MATCH, start);
                } else {
                    emit(TokenType.ASSIGN, start);
                }
            }
            case '!' -> {
                pos++;
                if (next == '=') {
                    emit(TokenType.OPERATOR, start);
                } else if (next == '~' && inBraces) {
                    emit(TokenType.REGEX_NO_MATCH, start);
                } else {
                    throw error(start, "unexpected character after '!'" + (inBraces ? " inside braces" : "") + ": " + quoteChar(next));
                }
            }
            case '<', '>' -> {
                if (next == '=') {
                    pos++;
                }
                emit(TokenType.OPERATOR, start);
            }
            default -> throw error(start, "unexpected character: " + quoteChar(c));
        }
    }

    private void lexString(char quote) {
        int start = pos++;
        while (pos < input.length() && input.charAt(pos) != quote) {
            char c = input.charAt(pos);
            if (c == '\\' && quote != '`') {
                pos++;
            } else if (c == '\n' && quote != '`') {
                break;
            }
            pos++;
        }
        if (pos >= input.length() || input.charAt(pos) != quote) {
            throw error(start, quote == '`' ? "unterminated raw string" : "unterminated quoted string");
        }
        pos++;
        emit(TokenType.STRING, start);
    }

    private void lexNumberOrDuration() {
        int start = pos;
        if (input.startsWith("0x", pos) || input.startsWith("0X", pos)) {
            pos += 2;
            while (pos < input.length() && Character.digit(input.charAt(pos), 16) >= 0) {
                pos++;
            }
        } else {
            scanDecimal();
        }
        boolean duration = false;
        if (pos < input.length() && "smhdwy".indexOf(input.charAt(pos)) >= 0) {
            duration = true;
            while (pos < input.length() && (isDigit(input.charAt(pos)) || "smhdwy".indexOf(input.charAt(pos)) >= 0)) {
                pos++;
            }
        }
        if (pos < input.length() && (isIdentifierPart(input.charAt(pos)) && input.charAt(pos) != ':'
                || input.charAt(pos) == '.')) {
            throw error(start, "bad number or duration syntax: \"" + input.substring(start, pos + 1) + "\"");
        }
        if (duration && Durations.parseMillis(input.substring(start, pos)) < 0) {
            throw error(start, "bad duration syntax: \"" + input.substring(start, pos) + "\"");
        }
        emit(duration ? TokenType.DURATION : TokenType.NUMBER, start);
    }

    private void scanDecimal() {
        skipDigits();
        if (pos < input.length() && input.charAt(pos) == '.') {
            pos++;
            skipDigits();
        }
        if (pos < input.length() && (input.charAt(pos) == 'e' || input.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < input.length() && (input.charAt(pos) == '+' || input.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= input.length() || !isDigit(input.charAt(pos))) {
                pos = mark;
                return;
            }
            skipDigits();
        }
    }

    private void skipDigits() {
        while (pos < input.length() && isDigit(input.charAt(pos))) {
            pos++;
        }
    }

    private void emit(TokenType type, int start) {
        tokens.add(new Token(type, input.substring(start, pos), start));
    }

    private ParseException error(int at, String detail) {
        return new ParseException(input, at, detail);
    }

    private static String quoteChar(char c) {
        return c == 0 ? "end of input" : "'" + c + "'";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
