package io.quayside.functions.promql.notation;

import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expanding notation of Prometheus' test scripts and of promtool's {@code input_series}: {@code a+bxN} (N+1 values, added step by step as Go does),
 * {@code axN}, {@code _}, {@code _xN} (N gaps), {@code stale}, and {@code {{...}}} native
 * histograms, which take their places but are only flagged.
 */
public final class PointNotation {
    private static final Pattern REPEAT = Pattern.compile("(.*)x(\\d+)");

    /** @param values one entry per position; null where there is no float sample */
    public record Points(List<Double> values, boolean hasHistogram) {
    }

    private PointNotation() {
    }

    public static Points expand(String text) {
        List<Double> values = new ArrayList<>();
        boolean histogram = false;
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int end = tokenEnd(text, i);
            String token = text.substring(i, end);
            i = end;
            if (token.startsWith("{{")) {
                histogram = true;
                Matcher repeat = Pattern.compile(".*}}x(\\d+)").matcher(token);
                int count = repeat.matches() ? Integer.parseInt(repeat.group(1)) + 1 : 1;
                for (int k = 0; k < count; k++) {
                    values.add(null);
                }
            } else {
                expandFloat(token, values);
            }
        }
        return new Points(values, histogram);
    }

    /** Histogram literals hold spaces; they end at the last "}}" of the item (and its "xN"). */
    private static int tokenEnd(String text, int start) {
        int end = start;
        if (text.startsWith("{{", start)) {
            end = text.indexOf("}}", start) + 2;
            while (text.startsWith("+{{", end) || text.startsWith("-{{", end)) {
                end = text.indexOf("}}", end) + 2;
            }
        }
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static void expandFloat(String token, List<Double> values) {
        Matcher repeat = REPEAT.matcher(token);
        if (!repeat.matches()) {
            values.add(token.equals("_") ? null : parseValue(token));
            return;
        }
        String head = repeat.group(1);
        int times = Integer.parseInt(repeat.group(2));
        if (head.equals("_")) {
            for (int k = 0; k < times; k++) {
                values.add(null);
            }
            return;
        }
        int split = deltaSign(head);
        double value = parseValue(split < 0 ? head : head.substring(0, split));
        double delta = split < 0 ? 0 : parseValue(head.substring(split));
        for (int k = 0; k <= times; k++) {
            values.add(value);
            value += delta;
        }
    }

    /** Where a signed increment starts: a sign that is neither leading nor an exponent's. */
    private static int deltaSign(String head) {
        for (int k = 1; k < head.length(); k++) {
            char c = head.charAt(k);
            char before = head.charAt(k - 1);
            if ((c == '+' || c == '-') && before != 'e' && before != 'E') {
                return k;
            }
        }
        return -1;
    }

    public static double parseValue(String token) {
        String lower = token.toLowerCase();
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        return switch (unsigned) {
            case "stale" -> Sample.STALE_NAN;
            case "inf" -> negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> unsigned.startsWith("0x")
                    ? (negative ? -1 : 1) * (double) Long.parseLong(unsigned.substring(2), 16)
                    : Double.parseDouble(token);
        };
    }
}
