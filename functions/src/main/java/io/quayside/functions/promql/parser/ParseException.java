package io.quayside.functions.promql.parser;

import io.quayside.functions.promql.PromqlException;

/** A syntax or type error, worded as Prometheus words it: {@code 1:14: parse error: ...}. */
public final class ParseException extends PromqlException {
    public ParseException(String input, int position, String detail) {
        super(location(input, position) + ": parse error: " + detail);
    }

    /** {@code line:column}, both counted from 1. */
    private static String location(String input, int position) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(position, input.length()); i++) {
            if (input.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (position - lineStart + 1);
    }
}
