package io.quayside.functions.rules.template;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How Go's fmt prints template values: {@code Sprint} and the {@code printf} verbs templates use. */
final class GoPrint {
    private static final Pattern VERB = Pattern.compile("%([-+ 0#]*)(\\d+)?(?:\\.(\\d+))?([a-zA-Z%])");

    private GoPrint() {
    }

    static String sprint(Object value) {
        if (value == null) {
            return "<no value>";
        }
        if (value instanceof Double d) {
            return GoFloat.shortest(d);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("map[");
            new TreeMap<>(map).forEach((k, v) -> out.append(out.length() > 4 ? " " : "").append(k).append(':').append(sprint(v)));
            return out.append(']').toString();
        }
        return value.toString();
    }

    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        Matcher m = VERB.matcher(format);
        int last = 0;
        int next = 0;
        while (m.find()) {
            out.append(format, last, m.start());
            last = m.end();
            char verb = m.group(4).charAt(0);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            String flags = m.group(1);
            int precision = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
            String text = verb(verb, precision, args.get(next++));
            out.append(pad(text, m.group(2) == null ? 0 : Integer.parseInt(m.group(2)), flags));
        }
        out.append(format.substring(last));
        if (next < args.size()) {
            out.append("%!(EXTRA ");
            for (int i = next; i < args.size(); i++) {
                out.append(i > next ? ", " : "").append(typeName(args.get(i))).append('=').append(sprint(args.get(i)));
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String verb(char verb, int precision, Object arg) {
        if ("feEgG".indexOf(verb) >= 0 && (arg instanceof Double || arg instanceof Long)) {
            double v = ((Number) arg).doubleValue();
            if (arg instanceof Long) {
                return "%!" + verb + "(int=" + arg + ")";
            }
            return switch (verb) {
                case 'f' -> GoFloat.f(v, precision < 0 ? 6 : precision);
                case 'e' -> GoFloat.e(v, precision < 0 ? 6 : precision);
                case 'E' -> GoFloat.e(v, precision < 0 ? 6 : precision).toUpperCase();
                default -> precision < 0 ? GoFloat.shortest(v) : GoFloat.g(v, precision);
            };
        }
        return switch (verb) {
            case 'v' -> sprint(arg);
            case 's' -> arg instanceof String s ? (precision >= 0 && precision < s.length() ? s.substring(0, precision) : s)
                    : arg instanceof Double || arg instanceof Long ? "%!s(" + typeName(arg) + "=" + sprint(arg) + ")" : sprint(arg);
            case 'd' -> arg instanceof Long ? arg.toString() : "%!d(" + typeName(arg) + "=" + sprint(arg) + ")";
            case 'q' -> '"' + sprint(arg).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
            default -> "%!" + verb + "(" + typeName(arg) + "=" + sprint(arg) + ")";
        };
    }

    private static String pad(String text, int width, String flags) {
        if (text.length() >= width) {
            return text;
        }
        String fill = (flags.contains("0") && !flags.contains("-") ? "0" : " ").repeat(width - text.length());
        if (flags.contains("-")) {
            return text + fill;
        }
        return fill.startsWith("0") && text.startsWith("-") ? "-" + fill + text.substring(1) : fill + text;
    }

    static String typeName(Object value) {
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        return value instanceof Map ? "map[string]string" : "string";
    }
}
