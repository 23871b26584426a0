package io.quayside.functions.promql.script;

import io.quayside.functions.promql.notation.SeriesNotation;
import io.quayside.model.Labels;

/** A script line's leading {@code name{labels}} (read with the engine's parser) and the text after it. */
record SeriesDescription(Labels labels, String rest) {
    static SeriesDescription parse(String line) {
        String text = line.strip();
        int end = 0;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "_:.".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        if (end < text.length() && text.charAt(end) == '{') {
            end = closingBrace(text, end) + 1;
        }
        return new SeriesDescription(SeriesNotation.labels(text.substring(0, end)), text.substring(end).strip());
    }

    private static int closingBrace(String text, int open) {
        char quote = 0;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed '{' in " + text);
    }
}
