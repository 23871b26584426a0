package io.quayside.model;

/** Escaping rules of the Prometheus text formats. */
public final class Escaping {
    private Escaping() {
    }

    /** Label values: backslash, double quote and line feed are escaped. */
    public static void labelValue(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    /** HELP text: backslash and line feed are escaped. */
    public static void help(String help, StringBuilder out) {
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }
}
