package io.quayside.functions.rules.template;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The functions alert templates may call: Go's builtins and Prometheus' additions. */
final class TemplateFunctions {
    @FunctionalInterface
    interface Function {
        Object apply(List<Object> args) throws TemplateException;
    }

    private static final Map<String, Function> FUNCTIONS = Map.ofEntries(
            Map.entry("humanize", args -> Humanize.metric(number(args, 0))),
            Map.entry("humanize1024", args -> Humanize.binary(number(args, 0))),
            Map.entry("humanizePercentage", args -> Humanize.percentage(number(args, 0))),
            Map.entry("humanizeDuration", args -> Humanize.duration(number(args, 0))),
            Map.entry("toUpper", args -> text(args, 0).toUpperCase()),
            Map.entry("toLower", args -> text(args, 0).toLowerCase()),
            Map.entry("title", args -> title(text(args, 0))),
            Map.entry("reReplaceAll", args -> GoRegex.replaceAll(text(args, 0), text(args, 1), text(args, 2))),
            Map.entry("match", args -> GoRegex.compile(text(args, 0)).matcher(text(args, 1)).find()),
            Map.entry("printf", args -> GoPrint.sprintf(text(args, 0), args.subList(1, args.size()))),
            Map.entry("print", args -> String.join("", args.stream().map(GoPrint::sprint).toList())),
            Map.entry("len", args -> (long) (args.get(0) instanceof Map<?, ?> m ? m.size() : text(args, 0).length())),
            Map.entry("index", args -> args.get(0) instanceof Map<?, ?> m ? orEmpty(m.get(text(args, 1))) : null),
            Map.entry("not", args -> !Truth.of(args.get(0))),
            Map.entry("and", args -> args.stream().filter(a -> !Truth.of(a)).findFirst().orElse(args.get(args.size() - 1))),
            Map.entry("or", args -> args.stream().filter(Truth::of).findFirst().orElse(args.get(args.size() - 1))),
            Map.entry("eq", args -> Truth.compare(args) == 0),
            Map.entry("ne", args -> Truth.compare(args) != 0),
            Map.entry("lt", args -> Truth.compare(args) < 0),
            Map.entry("le", args -> Truth.compare(args) <= 0),
            Map.entry("gt", args -> Truth.compare(args) > 0),
            Map.entry("ge", args -> Truth.compare(args) >= 0));

    private TemplateFunctions() {
    }

    static boolean exists(String name) {
        return FUNCTIONS.containsKey(name);
    }

    static Object call(String name, List<Object> args) throws TemplateException {
        try {
            return FUNCTIONS.get(name).apply(args);
        } catch (IndexOutOfBoundsException e) {
            throw new TemplateException("wrong number of args for " + name);
        }
    }

    /** Prometheus converts strings and integers to float64 for the humanize functions. */
    static double number(List<Object> args, int index) throws TemplateException {
        Object value = args.get(index);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new TemplateException("strconv.ParseFloat: parsing \"" + s + "\": invalid syntax");
            }
        }
        throw new TemplateException("can't convert " + GoPrint.typeName(value) + " to float");
    }

    private static String text(List<Object> args, int index) {
        Object value = args.get(index);
        return value instanceof String s ? s : GoPrint.sprint(value);
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }

    /** Go's {@code strings.Title}: upper-cases the first letter of each word. */
    private static String title(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean atWordStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(atWordStart ? Character.toTitleCase(c) : c);
            atWordStart = !(Character.isLetterOrDigit(c) || c == '_' || c == '\'');
        }
        return out.toString();
    }

    /** Go's regexp, which Prometheus compiles unanchored here (unlike label matchers). */
    static final class GoRegex {
        private GoRegex() {
        }

        static Pattern compile(String regex) {
            return Pattern.compile(regex.replace("(?P<", "(?<"));
        }

        /** Go expands {@code $1}, {@code ${1}} and {@code $name} in the replacement; Java needs them rewritten. */
        static String replaceAll(String regex, String replacement, String text) {
            StringBuilder java = new StringBuilder();
            for (int i = 0; i < replacement.length(); i++) {
                char c = replacement.charAt(i);
                if (c == '\\') {
                    java.append("\\\\");
                } else if (c != '$') {
                    java.append(c);
                } else if (i + 1 < replacement.length() && replacement.charAt(i + 1) == '$') {
                    java.append("\\$");
                    i++;
                } else {
                    boolean braced = i + 1 < replacement.length() && replacement.charAt(i + 1) == '{';
                    int start = i + (braced ? 2 : 1);
                    int end = start;
                    while (end < replacement.length() && (Character.isLetterOrDigit(replacement.charAt(end)) || replacement.charAt(end) == '_')) {
                        end++;
                    }
                    String group = replacement.substring(start, end);
                    java.append(group.chars().allMatch(Character::isDigit) ? "$" + group : "${" + group + "}");
                    i = braced ? end : end - 1;
                }
            }
            return compile(regex).matcher(text).replaceAll(java.toString());
        }
    }

    /** Go's template truth and the comparison builtins, lenient between integers and floats. */
    static final class Truth {
        private Truth() {
        }

        static boolean of(Object value) {
            if (value == null) {
                return false;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof Number n) {
                return n.doubleValue() != 0;
            }
            if (value instanceof Map<?, ?> m) {
                return !m.isEmpty();
            }
            return !value.toString().isEmpty();
        }

        static int compare(List<Object> args) throws TemplateException {
            Object a = args.get(0);
            Object b = args.get(1);
            if (a instanceof Number x && b instanceof Number y) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            if (a instanceof String x && b instanceof String y) {
                return x.compareTo(y);
            }
            if (a instanceof Boolean x && b instanceof Boolean y) {
                return x.equals(y) ? 0 : 1;
            }
            throw new TemplateException("error calling compare: incompatible types for comparison");
        }
    }
}
