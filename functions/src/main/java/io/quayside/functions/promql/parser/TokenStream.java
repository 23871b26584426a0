package io.quayside.functions.promql.parser;

import java.util.List;

/** The parser's cursor over tokens, with Prometheus-worded errors. */
final class TokenStream {
    private final String input;
    private final List<Token> tokens;
    private int index;

    TokenStream(String input, List<Token> tokens) {
        this.input = input;
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token next() {
        Token token = tokens.get(index);
        if (token.type() != TokenType.EOF) {
            index++;
        }
        return token;
    }

    boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    Token expect(TokenType type, String context) {
        Token token = next();
        if (token.type() != type) {
            throw unexpected(token, " " + context);
        }
        return token;
    }

    String unquote(Token token) {
        String[] error = new String[1];
        String value = StringLiterals.unquote(token.text(), error);
        if (value == null) {
            throw error(token.position(), error[0]);
        }
        return value;
    }

    ParseException unexpected(Token token, String context) {
        return error(token.position(), "unexpected " + token.describe() + context);
    }

    ParseException error(int position, String detail) {
        return new ParseException(input, position, detail);
    }
}
