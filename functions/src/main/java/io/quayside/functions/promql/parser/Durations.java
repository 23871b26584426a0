package io.quayside.functions.promql.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus durations: units from years to milliseconds, largest first, e.g. {@code 1h30m}. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MS = {
        365L * 24 * 3600_000, 7L * 24 * 3600_000, 24L * 3600_000, 3600_000L, 60_000L, 1000L, 1L};

    private Durations() {
    }

    /** Milliseconds, or -1 when the text is not a duration. */
    public static long parseMillis(String text) {
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            return -1;
        }
        long total = 0;
        for (int group = 1; group <= UNIT_MS.length; group++) {
            if (m.group(group) != null) {
                total = Math.addExact(total, Math.multiplyExact(Long.parseLong(m.group(group)), UNIT_MS[group - 1]));
            }
        }
        return total;
    }

    /** Seconds as a float (a bare number where a duration goes) in milliseconds, rounded as Prometheus does. */
    public static long secondsToMillis(double seconds) {
        return Math.round(seconds * 1000);
    }
}
