package io.quayside.model.exposition;

import java.util.Locale;

/**
 * The number grammar of OpenMetrics, applied to both formats: decimal with an optional exponent,
 * NaN and infinities in any case. Java's own parser would also take hexadecimal, "1d" or "1f",
 * which no exposition format allows.
 */
final class NumberSyntax {
    private NumberSyntax() {
    }

    /** A sample or exemplar value; throws the line's error when the token is no number. */
    static double value(String token, LineCursor line, String what) {
        switch (token.toLowerCase(Locale.ROOT)) {
            case "nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                return realNumber(token, line, what);
            }
        }
    }

    /** A finite decimal: {@code [+-] digits [. digits] [e [+-] digits]}, with a digit before or after the point. */
    static double realNumber(String token, LineCursor line, String what) {
        if (!isRealNumber(token)) {
            throw line.fail(what + " is not a number: '" + token + "'");
        }
        return Double.parseDouble(token);
    }

    static boolean isRealNumber(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        int digits = 0;
        for (; digit(s, i); i++) {
            digits++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            for (i++; digit(s, i); i++) {
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; digit(s, i); i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == s.length();
    }

    private static boolean digit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /** An integer for Prometheus text's millisecond timestamps. */
    static long milliseconds(String token, LineCursor line) {
        int start = token.startsWith("-") || token.startsWith("+") ? 1 : 0;
        boolean digits = token.length() > start;
        for (int i = start; i < token.length(); i++) {
            digits &= digit(token, i);
        }
        try {
            if (digits) {
                return Long.parseLong(token);
            }
        } catch (NumberFormatException outOfRange) {
            throw line.fail("timestamp out of range: '" + token + "'");
        }
        throw line.fail("timestamp is not an integer of milliseconds: '" + token + "'");
    }
}
