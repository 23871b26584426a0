package io.quayside.functions.gateway;

import io.quayside.functions.promql.parser.Durations;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Times and steps as Prometheus' API takes them: unix seconds with a fraction, RFC 3339, or a duration. */
final class QueryTimes {
    private QueryTimes() {
    }

    static long parseTime(String text, String parameter) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing parameter '" + parameter + "'");
        }
        try {
            return new BigDecimal(text).movePointRight(3).longValue();
        } catch (NumberFormatException notUnixSeconds) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid parameter '" + parameter + "': cannot parse \"" + text
                        + "\" to a valid timestamp");
            }
        }
    }

    static long parseStep(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing parameter 'step'");
        }
        long ms = Durations.parseMillis(text);
        if (ms < 0) {
            try {
                ms = new BigDecimal(text).movePointRight(3).longValue();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid parameter 'step': cannot parse \"" + text + "\" to a valid duration");
            }
        }
        if (ms <= 0) {
            throw new IllegalArgumentException("zero or negative query resolution step widths are not accepted. Try a positive integer");
        }
        return ms;
    }
}
