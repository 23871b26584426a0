package io.quayside.functions.promql.functions;

import java.util.regex.Matcher;

/** Go's Regexp.Expand: {@code $1}, {@code ${1}}, {@code $name}, {@code $$}; unknown groups expand to nothing. */
final class GoRegexTemplate {
    private GoRegexTemplate() {
    }

    static String expand(String template, Matcher match) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
            } else if (i + 1 < template.length() && template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else {
                boolean brace = i + 1 < template.length() && template.charAt(i + 1) == '{';
                int start = i + (brace ? 2 : 1);
                int end = start;
                while (end < template.length() && isNameChar(template.charAt(end))) {
                    end++;
                }
                boolean valid = end > start && (!brace || end < template.length() && template.charAt(end) == '}');
                if (!valid) {
                    // Go keeps a malformed reference's '$' as text.
                    out.append('$');
                    i++;
                    continue;
                }
                out.append(group(match, template.substring(start, end)));
                i = brace ? end + 1 : end;
            }
        }
        return out.toString();
    }

    private static String group(Matcher match, String name) {
        String value = null;
        try {
            if (name.chars().allMatch(Character::isDigit)) {
                int index = name.length() > 8 ? -1 : Integer.parseInt(name);
                value = index >= 0 && index <= match.groupCount() ? match.group(index) : null;
            } else {
                value = match.group(name);
            }
        } catch (IllegalArgumentException e) {
            // A name the expression does not define expands to nothing, as in Go.
        }
        return value == null ? "" : value;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
