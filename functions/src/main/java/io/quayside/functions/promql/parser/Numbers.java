package io.quayside.functions.promql.parser;

import java.util.Locale;

/** Number literals as Prometheus reads them: decimal, hexadecimal, Inf and NaN in any case. */
final class Numbers {
    private Numbers() {
    }

    static boolean isInfOrNaN(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("inf") || lower.equals("nan");
    }

    static double parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (lower.startsWith("0x")) {
            return Long.parseUnsignedLong(lower.substring(2), 16);
        }
        return Double.parseDouble(text);
    }
}
