package io.quayside.functions.rules.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code %g}, {@code %e} and {@code %f} for float64, which templates print through: digits
 * rounded half-even from the exact binary value, no trailing zeros for {@code %g}, and an exponent
 * of at least two digits.
 */
public final class GoFloat {
    private GoFloat() {
    }

    /** {@code %v} / {@code %g}: the shortest digits that read back the same value. */
    public static String shortest(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        return g(v == 0 ? BigDecimal.ZERO : new BigDecimal(Double.toString(v)).stripTrailingZeros(), 6, v);
    }

    /** {@code strconv.FormatFloat(v, 'E', -1, 64)}, as promtool prints sample values: {@code 5E+00}. */
    public static String shortestE(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        BigDecimal digits = v == 0 ? BigDecimal.ZERO : new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exponent = exponent(digits);
        return sign(v, mantissa(digits, exponent).toPlainString()) + exponentText(exponent).toUpperCase();
    }

    /** {@code %.Ng}. */
    static String g(double v, int precision) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        int digits = Math.max(precision, 1);
        BigDecimal rounded = v == 0 ? BigDecimal.ZERO
                : new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int count = rounded.signum() == 0 ? 1 : rounded.precision();
        int pointPosition = exponent(rounded) + 1;
        int eprec = digits > count && count >= pointPosition ? count : digits;
        return g(rounded, eprec, v);
    }

    private static String g(BigDecimal digits, int eprec, double v) {
        int exponent = exponent(digits);
        if (exponent < -4 || exponent >= eprec) {
            return sign(v, mantissa(digits, exponent).toPlainString()) + exponentText(exponent);
        }
        return sign(v, digits.abs().toPlainString());
    }

    /** {@code %.Ne}. */
    static String e(double v, int precision) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        BigDecimal exact = new BigDecimal(v);
        BigDecimal rounded = v == 0 ? BigDecimal.ZERO : exact.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        int exponent = exponent(rounded);
        BigDecimal mantissa = mantissa(rounded, exponent).setScale(precision, RoundingMode.HALF_EVEN);
        return sign(v, mantissa.toPlainString()) + exponentText(exponent);
    }

    /** {@code %.Nf}. */
    static String f(double v, int precision) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        return sign(v, new BigDecimal(v).abs().setScale(precision, RoundingMode.HALF_EVEN).toPlainString());
    }

    private static int exponent(BigDecimal d) {
        return d.signum() == 0 ? 0 : d.precision() - d.scale() - 1;
    }

    private static BigDecimal mantissa(BigDecimal d, int exponent) {
        return d.abs().movePointLeft(exponent);
    }

    private static String exponentText(int exponent) {
        return "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    private static String sign(double v, String unsigned) {
        return (v < 0 || (v == 0 && 1 / v < 0) ? "-" : "") + unsigned;
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return null;
    }
}
