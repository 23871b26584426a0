package io.quayside.functions.gateway;

import io.quayside.model.exposition.ExpositionFormat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Picks the text format a scraper prefers from its Accept header, by q-value: OpenMetrics 1.0 only
 * when it outranks Prometheus text 0.0.4. Text stays the answer for a missing header, a tie, or a
 * header that accepts neither, since every Prometheus reads it and Prometheus never sends a tie.
 */
public final class ExpositionNegotiation {
    private static final String OPENMETRICS = "application/openmetrics-text";
    private static final String TEXT = "text/plain";

    private ExpositionNegotiation() {
    }

    public static ExpositionFormat choose(String accept) {
        if (accept == null || accept.isBlank()) {
            return ExpositionFormat.PROMETHEUS_TEXT;
        }
        List<MediaRange> ranges = MediaRange.parseAll(accept);
        double openMetrics = quality(ranges, OPENMETRICS, "1.0.0");
        double text = quality(ranges, TEXT, "0.0.4");
        return openMetrics > text ? ExpositionFormat.OPENMETRICS : ExpositionFormat.PROMETHEUS_TEXT;
    }

    /** The q-value of the most specific range that covers the type at that version (RFC 9110 §12.5.1). */
    private static double quality(List<MediaRange> ranges, String type, String version) {
        int bestSpecificity = -1;
        double quality = 0;
        for (MediaRange range : ranges) {
            int specificity = range.specificity(type, version);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = range.quality();
            }
        }
        return quality;
    }

    /** One entry of an Accept header: {@code type/subtype;version=...;q=...}. */
    private record MediaRange(String type, String version, double quality) {
        static List<MediaRange> parseAll(String accept) {
            return Arrays.stream(accept.split(",")).map(String::strip).filter(entry -> !entry.isEmpty())
                    .map(MediaRange::parse).toList();
        }

        private static MediaRange parse(String entry) {
            String[] parts = entry.split(";");
            String version = null;
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].split("=", 2);
                String name = parameter[0].strip().toLowerCase(Locale.ROOT);
                String value = parameter.length == 2 ? parameter[1].strip().replace("\"", "") : "";
                if (name.equals("version")) {
                    version = value;
                } else if (name.equals("q")) {
                    quality = qValue(value);
                }
            }
            return new MediaRange(parts[0].strip().toLowerCase(Locale.ROOT), version, quality);
        }

        /** A malformed q counts as 0, so a garbled preference never outranks a clear one. */
        private static double qValue(String text) {
            try {
                double q = Double.parseDouble(text);
                return q >= 0 && q <= 1 ? q : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** -1 when this range does not cover the type at that version; higher is more specific. */
        int specificity(String wanted, String wantedVersion) {
            if (type.equals("*/*")) {
                return 0;
            }
            if (type.equals(wanted.substring(0, wanted.indexOf('/') + 1) + "*")) {
                return 1;
            }
            if (!type.equals(wanted)) {
                return -1;
            }
            if (version == null) {
                return 2;
            }
            return version.equals(wantedVersion) ? 3 : -1;
        }
    }
}
