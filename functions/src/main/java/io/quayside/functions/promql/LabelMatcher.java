package io.quayside.functions.promql;

import io.quayside.model.Labels;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** One label condition of a selector; regular expressions are fully anchored, as in Prometheus. */
public final class LabelMatcher {
    public enum Type {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Type(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private static final Pattern POSIX_CLASS = Pattern.compile(
            "\\[:(\\^?)(alnum|alpha|ascii|blank|cntrl|digit|graph|lower|print|punct|space|upper|word|xdigit):]");

    private final Type type;
    private final String name;
    private final String value;
    private final Pattern pattern;

    private LabelMatcher(Type type, String name, String value, Pattern pattern) {
        this.type = type;
        this.name = name;
        this.value = value;
        this.pattern = pattern;
    }

    /** @throws PatternSyntaxException for a regex matcher whose value does not compile */
    public static LabelMatcher of(Type type, String name, String value) {
        boolean regex = type == Type.REGEX || type == Type.NOT_REGEX;
        return new LabelMatcher(type, name, value, regex ? compileAnchored(value) : null);
    }

    /** Go's RE2 syntax as Java reads it; {@code (?s:)} because Prometheus lets {@code .} match newlines. */
    public static Pattern compileAnchored(String regex) {
        return Pattern.compile("(?s:" + javaSyntax(regex) + ")");
    }

    /** RE2's named groups and POSIX classes ({@code [[:digit:]]}) in Java's spelling. */
    private static String javaSyntax(String regex) {
        Matcher posix = POSIX_CLASS.matcher(regex.replace("(?P<", "(?<"));
        StringBuilder out = new StringBuilder();
        while (posix.find()) {
            String name = posix.group(2);
            String javaClass = name.equals("word") ? "\\w"
                    : "\\p{" + (name.equals("xdigit") ? "XDigit" : name.equals("ascii") ? "ASCII"
                    : Character.toUpperCase(name.charAt(0)) + name.substring(1)) + "}";
            String negated = javaClass.replace("\\p", "\\P").replace("\\w", "\\W");
            posix.appendReplacement(out, Matcher.quoteReplacement(posix.group(1).isEmpty() ? javaClass : negated));
        }
        return posix.appendTail(out).toString();
    }

    public Type type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    /** Whether a label value matches; an absent label counts as the empty value. */
    public boolean matches(String labelValue) {
        String v = labelValue == null ? "" : labelValue;
        return switch (type) {
            case EQUAL -> v.equals(value);
            case NOT_EQUAL -> !v.equals(value);
            case REGEX -> pattern.matcher(v).matches();
            case NOT_REGEX -> !pattern.matcher(v).matches();
        };
    }

    /** Whether a series' labels satisfy every matcher. */
    public static boolean matchAll(List<LabelMatcher> matchers, Labels labels) {
        for (LabelMatcher matcher : matchers) {
            if (!matcher.matches(labels.get(matcher.name()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name + type.symbol + '"' + value + '"';
    }
}
