package io.quayside.functions.rules.template;

/** Prometheus' humanize functions: 4 significant digits and a unit prefix. */
final class Humanize {
    private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};
    private static final String[] BINARY = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};

    private Humanize() {
    }

    static String metric(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return GoFloat.g(value, 4);
        }
        return Math.abs(value) >= 1 ? scaledDown(value, 1000, BIG) : scaledUp(value, "");
    }

    static String binary(double value) {
        if (Math.abs(value) <= 1 || Double.isNaN(value) || Double.isInfinite(value)) {
            return GoFloat.g(value, 4);
        }
        return scaledDown(value, 1024, BINARY);
    }

    static String percentage(double ratio) {
        return GoFloat.g(ratio * 100, 4) + "%";
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return GoFloat.g(seconds, 4);
        }
        if (seconds == 0) {
            return GoFloat.g(seconds, 4) + "s";
        }
        if (Math.abs(seconds) < 1) {
            return scaledUp(seconds, "s");
        }
        String sign = seconds < 0 ? "-" : "";
        double v = Math.abs(seconds);
        long whole = (long) v;
        long s = whole % 60;
        long m = whole / 60 % 60;
        long h = whole / 3600 % 24;
        long d = whole / 86400;
        if (d != 0) {
            return sign + d + "d " + h + "h " + m + "m " + s + "s";
        }
        if (h != 0) {
            return sign + h + "h " + m + "m " + s + "s";
        }
        if (m != 0) {
            return sign + m + "m " + s + "s";
        }
        return sign + GoFloat.g(v, 4) + "s";
    }

    private static String scaledDown(double value, double base, String[] prefixes) {
        double v = value;
        String prefix = "";
        for (String p : prefixes) {
            if (Math.abs(v) < base) {
                break;
            }
            prefix = p;
            v /= base;
        }
        return GoFloat.g(v, 4) + prefix;
    }

    private static String scaledUp(double value, String unit) {
        double v = value;
        String prefix = "";
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return GoFloat.g(v, 4) + prefix + unit;
    }
}
