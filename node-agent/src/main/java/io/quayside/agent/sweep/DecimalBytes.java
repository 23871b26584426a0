package io.quayside.agent.sweep;

import java.util.OptionalLong;

/**
 * Integers and {@code key value} lines read straight from a kernel file's ASCII bytes, with the
 * results {@link Long#parseLong} and {@link String#trim} would give on the decoded text.
 */
final class DecimalBytes {
    private DecimalBytes() {
    }

    /** The integer in {@code bytes[from, to)}, surrounding whitespace ignored; empty when there is none or it overflows. */
    static OptionalLong parseLong(byte[] bytes, int from, int to) {
        while (from < to && isTrimmed(bytes[from])) {
            from++;
        }
        while (to > from && isTrimmed(bytes[to - 1])) {
            to--;
        }
        boolean negative = from < to && bytes[from] == '-';
        if (from < to && (bytes[from] == '-' || bytes[from] == '+')) {
            from++;
        }
        if (from == to) {
            return OptionalLong.empty();
        }
        // accumulated negatively, as Long.parseLong does, so that Long.MIN_VALUE fits
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long result = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9 || result < limit / 10) {
                return OptionalLong.empty();
            }
            result = result * 10;
            if (result < limit + digit) {
                return OptionalLong.empty();
            }
            result -= digit;
        }
        return OptionalLong.of(negative ? result : -result);
    }

    /** Where the value of the first line {@code <key> <value>} starts; -1 when no line has that key. */
    static int valueOf(byte[] bytes, String key) {
        int keyLength = key.length();
        for (int line = 0; line < bytes.length; line = lineEnd(bytes, line) + 1) {
            if (line + keyLength < bytes.length && bytes[line + keyLength] == ' ' && startsWith(bytes, line, key)) {
                return line + keyLength + 1;
            }
        }
        return -1;
    }

    /** The end of the line that {@code from} is on: the index of its line break, or the length. */
    static int lineEnd(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] != '\n' && bytes[i] != '\r') {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] bytes, int at, String key) {
        for (int i = 0; i < key.length(); i++) {
            if (bytes[at + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** What {@link String#trim} drops: the ASCII control characters and space. */
    private static boolean isTrimmed(byte b) {
        return b >= 0 && b <= ' ';
    }
}
