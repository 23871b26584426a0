package io.quayside.functions.promql.script;

/**
 * The {@code expect} lines of an eval, filled in while the script is read. Annotation fields hold
 * an exact message, "" for "any", or null when not expected.
 */
public final class Expectations {
    /** {@code expect range vector from <t0> to <t1> step <s>}: an instant query returning a range vector. */
    record RangeVector(long startMs, long stepMs) {
    }

    boolean fail;
    String failMessage;
    String failRegex;
    boolean ordered;
    String warn;
    boolean noWarn;
    String info;
    boolean noInfo;
    String string;
    RangeVector rangeVector;

    /** Applies one directive: the text after {@code expect} (or after {@code eval_}, for the legacy forms). */
    void apply(String directive) {
        String[] parts = directive.split("\\s+", 2);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        String message = rest.startsWith("msg:") ? rest.substring(4).strip() : "";
        switch (parts[0]) {
            case "fail" -> {
                fail = true;
                failMessage = rest.startsWith("msg:") ? message : null;
                failRegex = rest.startsWith("regex:") ? rest.substring(6).strip() : null;
            }
            case "ordered" -> ordered = true;
            case "warn" -> warn = message;
            case "no_warn" -> noWarn = true;
            case "info" -> info = message;
            case "no_info" -> noInfo = true;
            case "string" -> string = directive.length() > 7 ? directive.substring(7) : "";
            case "range" -> rangeVector = parseRangeVector(rest);
            default -> throw new IllegalArgumentException("unsupported expectation: " + directive);
        }
    }

    private static RangeVector parseRangeVector(String text) {
        String[] words = text.split("\\s+");
        if (words.length != 7 || !words[0].equals("vector") || !words[1].equals("from") || !words[5].equals("step")) {
            throw new IllegalArgumentException("bad range vector expectation: " + text);
        }
        return new RangeVector(ScriptParser.parseTime(words[2]), ScriptParser.parseTime(words[6]));
    }
}
