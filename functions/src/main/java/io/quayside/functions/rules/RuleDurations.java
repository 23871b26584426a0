package io.quayside.functions.rules;

import io.quayside.functions.promql.parser.Durations;

import java.math.BigDecimal;

/** Durations in rule and test files: Prometheus' notation, where a bare {@code 0} and absence mean zero. */
public final class RuleDurations {
    private RuleDurations() {
    }

    /** Milliseconds, or -1 when the text is not a duration. */
    public static long parse(String text) {
        if (text == null || text.isEmpty() || text.equals("0")) {
            return 0;
        }
        return Durations.parseMillis(text);
    }

    /** Go's {@code model.Duration} form, as promtool prints eval times: {@code 0s}, {@code 5m}, {@code 1h30m}. */
    public static String format(long ms) {
        if (ms == 0) {
            return "0s";
        }
        long[] units = {365L * 24 * 3600_000, 7L * 24 * 3600_000, 24L * 3600_000, 3600_000L, 60_000L, 1000L, 1L};
        String[] names = {"y", "w", "d", "h", "m", "s", "ms"};
        StringBuilder out = new StringBuilder();
        long rest = ms;
        for (int i = 0; i < units.length; i++) {
            if (rest >= units[i]) {
                out.append(rest / units[i]).append(names[i]);
                rest %= units[i];
            }
        }
        return out.toString();
    }

    /** Go's {@code time.Duration} form, as promtool prints evaluation errors: {@code 5m0s}, {@code 1h0m0s}. */
    public static String formatGoDuration(long ms) {
        if (ms == 0) {
            return "0s";
        }
        long seconds = ms / 1000;
        String secondsText = ms % 1000 == 0 ? Long.toString(seconds % 60)
                : new BigDecimal(ms % 60_000).movePointLeft(3).stripTrailingZeros().toPlainString();
        String out = secondsText + "s";
        if (seconds >= 60) {
            out = (seconds / 60) % 60 + "m" + out;
        }
        if (seconds >= 3600) {
            out = seconds / 3600 + "h" + out;
        }
        return out;
    }
}
