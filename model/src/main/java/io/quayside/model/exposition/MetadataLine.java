package io.quayside.model.exposition;

/** A {@code # HELP}, {@code # TYPE} or {@code # UNIT} line: which one, for which family, and its text. */
record MetadataLine(Kind kind, String name, String text) {
    enum Kind { HELP, TYPE, UNIT }

    /** {@code # KIND name text}, single blanks; any other comment is an error in OpenMetrics. */
    static MetadataLine readOpenMetrics(LineCursor line) {
        line.expect('#', "'#'");
        line.expect(' ', "a blank after '#'");
        Kind kind = kind(line.token(false));
        if (kind == null) {
            throw line.fail("a comment must be # HELP, # TYPE, # UNIT or # EOF");
        }
        line.expect(' ', "a blank after " + kind);
        String name = line.metricName();
        line.expect(' ', "a blank after the metric name");
        String text = line.rest();
        return new MetadataLine(kind, name, kind == Kind.HELP ? unescapeHelp(text) : text);
    }

    /** {@code # HELP name text} or {@code # TYPE name type}; other comments are ignored (null). */
    static MetadataLine readPrometheusText(LineCursor line) {
        line.expect('#', "'#'");
        line.skipBlanks();
        Kind kind = kind(line.token(true));
        if (kind == null || kind == Kind.UNIT) {
            return null;
        }
        line.skipBlanks();
        String name = line.metricName();
        line.skipBlanks();
        String text = line.rest();
        return new MetadataLine(kind, name, kind == Kind.HELP ? unescapeHelp(text) : text.strip());
    }

    private static Kind kind(String word) {
        return switch (word) {
            case "HELP" -> Kind.HELP;
            case "TYPE" -> Kind.TYPE;
            case "UNIT" -> Kind.UNIT;
            default -> null;
        };
    }

    private static String unescapeHelp(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                LineCursor.appendEscaped(text.charAt(++i), out);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
