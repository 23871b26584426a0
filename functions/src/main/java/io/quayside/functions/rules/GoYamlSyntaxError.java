package io.quayside.functions.rules;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.scanner.ScannerException;

import java.util.List;

/**
 * A YAML syntax error as Go's yaml (libyaml's words and line numbering) reports it, which is how
 * promtool prints it: {@code yaml: line 4: did not find expected key}. SnakeYAML words errors as
 * PyYAML does; the common ones are translated, the others keep SnakeYAML's words.
 */
final class GoYamlSyntaxError {
    private record Wording(String context, String snakeYamlProblem, String goProblem) {
        boolean matches(MarkedYAMLException e) {
            return (context == null || context.equals(e.getContext())) && e.getProblem() != null
                    && e.getProblem().startsWith(snakeYamlProblem);
        }
    }

    private static final List<Wording> WORDINGS = List.of(
            new Wording("while parsing a block collection", "expected <block end>", "did not find expected '-' indicator"),
            new Wording("while parsing a block mapping", "expected <block end>", "did not find expected key"),
            new Wording(null, "expected ',' or ']'", "did not find expected ',' or ']'"),
            new Wording(null, "expected ',' or '}'", "did not find expected ',' or '}'"),
            new Wording(null, "mapping values are not allowed here", "mapping values are not allowed in this context"),
            new Wording(null, "found character '\\t(TAB)'", "found a tab character that violates indentation"));

    private GoYamlSyntaxError() {
    }

    static String describe(MarkedYAMLException e) {
        String problem = WORDINGS.stream().filter(w -> w.matches(e)).map(Wording::goProblem).findFirst()
                .orElse(e.getProblem());
        int line = line(e);
        return "yaml: " + (line > 0 ? "line " + line + ": " : "") + problem;
    }

    /**
     * Go's yaml numbers the line of the error's context (else of the problem) from 0, except for
     * scanner errors, so a parser error names the line before the one where the context starts.
     */
    private static int line(MarkedYAMLException e) {
        Mark context = e.getContextMark();
        Mark mark = context != null && context.getLine() != 0 ? context : e.getProblemMark();
        if (mark == null) {
            return 0;
        }
        return mark.getLine() + (e instanceof ScannerException ? 1 : 0);
    }
}
