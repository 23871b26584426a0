package io.quayside.functions.rules;

import java.util.List;

/** A rule file that cannot be used, with every problem found, each worded as promtool words it. */
public final class RuleFileException extends Exception {
    private final List<String> problems;

    public RuleFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
