package io.quayside.functions.promql.parser;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Unquotes PromQL strings with Go's escapes. Bytes that are not valid UTF-8 (from {@code \x..} or
 * octal escapes) become U+DC80..U+DCFF, so they survive and can be reported as Go reports them.
 */
public final class StringLiterals {
    private StringLiterals() {
    }

    /** @return the value, or null with {@code error[0]} set to the reason */
    static String unquote(String quoted, String[] error) {
        char quote = quoted.charAt(0);
        String body = quoted.substring(1, quoted.length() - 1);
        if (quote == '`') {
            return body;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                int codePoint = body.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
                continue;
            }
            if (++i >= body.length()) {
                error[0] = "invalid escape at end of string";
                return null;
            }
            char e = body.charAt(i);
            int simple = "abfnrtv\\'\"".indexOf(e);
            if (simple >= 0) {
                if ((e == '\'' || e == '"') && e != quote) {
                    error[0] = "unknown escape sequence";
                    return null;
                }
                bytes.write("\u0007\b\f\n\r\t\u000b\\'\"".charAt(simple));
            } else if (e == 'x' || e == 'u' || e == 'U') {
                int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                Integer code = parseHex(body, i + 1, digits);
                if (code == null || !Character.isValidCodePoint(code)) {
                    error[0] = "invalid escape sequence";
                    return null;
                }
                if (e == 'x') {
                    bytes.write(code);
                } else {
                    bytes.writeBytes(new String(Character.toChars(code)).getBytes(StandardCharsets.UTF_8));
                }
                i += digits;
            } else if (e >= '0' && e <= '7') {
                if (i + 2 >= body.length()) {
                    error[0] = "invalid escape sequence";
                    return null;
                }
                bytes.write(Integer.parseInt(body.substring(i, i + 3), 8));
                i += 2;
            } else {
                error[0] = "unknown escape sequence";
                return null;
            }
        }
        return decodeKeepingInvalidBytes(bytes.toByteArray());
    }

    private static Integer parseHex(String s, int from, int digits) {
        if (from + digits > s.length()) {
            return null;
        }
        try {
            return Integer.parseInt(s.substring(from, from + digits), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String decodeKeepingInvalidBytes(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < bytes.length) {
                int length = validSequenceLength(bytes, i);
                if (length == 0) {
                    out.append((char) (0xDC00 | (bytes[i] & 0xFF)));
                    i++;
                } else {
                    out.append(new String(bytes, i, length, StandardCharsets.UTF_8));
                    i += length;
                }
            }
            return out.toString();
        }
    }

    private static int validSequenceLength(byte[] bytes, int at) {
        int lead = bytes[at] & 0xFF;
        int length = lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3
                : lead >= 0xF0 && lead < 0xF5 ? 4 : 0;
        if (length == 0 || at + length > bytes.length) {
            return 0;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, at, length));
            return length;
        } catch (CharacterCodingException e) {
            return 0;
        }
    }

    /** Whether a string holds only valid UTF-8 (no byte kept by {@link #unquote}). */
    public static boolean isValidUtf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code %q}: double-quoted, kept invalid bytes as {@code \xNN}. */
    public static String goQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                out.append(String.format("\\x%02x", c & 0xFF));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
