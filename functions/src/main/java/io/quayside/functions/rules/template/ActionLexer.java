package io.quayside.functions.rules.template;

import java.util.ArrayList;
import java.util.List;

/** Splits the inside of one {@code {{ }}} action into words: literals, names, {@code |}, parentheses. */
final class ActionLexer {
    private ActionLexer() {
    }

    static List<String> words(String action, String where) throws TemplateException {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < action.length()) {
            char c = action.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '|' || c == '(' || c == ')') {
                words.add(String.valueOf(c));
                i++;
            } else if (c == '"' || c == '`') {
                int end = closingQuote(action, i, where);
                words.add(action.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = i;
                while (end < action.length() && !Character.isWhitespace(action.charAt(end)) && "|()\"`".indexOf(action.charAt(end)) < 0) {
                    end++;
                }
                words.add(action.substring(i, end));
                i = end;
            }
        }
        return words;
    }

    private static int closingQuote(String text, int open, String where) throws TemplateException {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote == '"') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        throw new TemplateException(where + ": unterminated quoted string");
    }

    /** A Go interpreted string literal's value. */
    static String unquote(String literal) {
        if (literal.startsWith("`")) {
            return literal.substring(1, literal.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = literal.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
