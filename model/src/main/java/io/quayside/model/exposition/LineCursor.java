package io.quayside.model.exposition;

/**
 * Reads the tokens of one exposition line from left to right, by hand rather than by regular
 * expression: a scrape has thousands of lines and every one passes through here.
 */
final class LineCursor {
    private final String line;
    private final int lineNumber;
    private int position;

    LineCursor(String line, int lineNumber) {
        this.line = line;
        this.lineNumber = lineNumber;
    }

    String text() {
        return line;
    }

    int lineNumber() {
        return lineNumber;
    }

    boolean atEnd() {
        return position >= line.length();
    }

    boolean at(char c) {
        return position < line.length() && line.charAt(position) == c;
    }

    boolean skip(char c) {
        if (at(c)) {
            position++;
            return true;
        }
        return false;
    }

    void expect(char c, String what) {
        if (!skip(c)) {
            throw fail("expected " + what);
        }
    }

    /** Prometheus text lets blanks and tabs stand wherever one separator is needed. */
    void skipBlanks() {
        while (at(' ') || at('\t')) {
            position++;
        }
    }

    /** {@code [a-zA-Z_:][a-zA-Z0-9_:]*} */
    String metricName() {
        return name(true, "a metric name");
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*} */
    String labelName() {
        return name(false, "a label name");
    }

    private String name(boolean colons, String what) {
        int start = position;
        while (position < line.length()) {
            char c = line.charAt(position);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colons && c == ':');
            if (!letter && !(position > start && c >= '0' && c <= '9')) {
                break;
            }
            position++;
        }
        if (position == start) {
            throw fail("expected " + what);
        }
        return line.substring(start, position);
    }

    /**
     * A double-quoted label value. Backslash escapes a backslash, a quote or (as n) a line feed; any
     * other escape is kept as written, as the reference parsers do.
     */
    String quotedValue() {
        expect('"', "a double-quoted label value");
        int start = position;
        StringBuilder unescaped = null;
        while (position < line.length()) {
            char c = line.charAt(position);
            if (c == '"') {
                String value = unescaped == null ? line.substring(start, position) : unescaped.toString();
                position++;
                return value;
            }
            if (c == '\\') {
                if (unescaped == null) {
                    unescaped = new StringBuilder(line.length() - start).append(line, start, position);
                }
                position++;
                if (atEnd()) {
                    break;
                }
                appendEscaped(line.charAt(position), unescaped);
            } else if (unescaped != null) {
                unescaped.append(c);
            }
            position++;
        }
        throw fail("label value has no closing double quote");
    }

    static void appendEscaped(char escaped, StringBuilder out) {
        switch (escaped) {
            case '\\' -> out.append('\\');
            case '"' -> out.append('"');
            case 'n' -> out.append('\n');
            default -> out.append('\\').append(escaped);
        }
    }

    /** Up to the next blank (or tab, when it counts as one), possibly empty. */
    String token(boolean tabsSeparate) {
        int start = position;
        while (position < line.length()) {
            char c = line.charAt(position);
            if (c == ' ' || (tabsSeparate && c == '\t')) {
                break;
            }
            position++;
        }
        return line.substring(start, position);
    }

    String rest() {
        String rest = line.substring(Math.min(position, line.length()));
        position = line.length();
        return rest;
    }

    ExpositionParseException fail(String problem) {
        return new ExpositionParseException(lineNumber, problem + " at column " + (position + 1) + ": " + excerpt());
    }

    /** Enough of the line to find it, not a megabyte of garbage in a log. */
    private String excerpt() {
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
