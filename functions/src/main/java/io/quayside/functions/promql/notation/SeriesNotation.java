package io.quayside.functions.promql.notation;

import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.ast.Expr;
import io.quayside.functions.promql.ast.VectorSelector;
import io.quayside.functions.promql.parser.Parser;
import io.quayside.model.Labels;

/** A series written as a selector ({@code name{a="b"}} or {@code {a="b"}}), read with the engine's parser. */
public final class SeriesNotation {
    private SeriesNotation() {
    }

    public static Labels labels(String description) {
        if (description.isBlank() || description.replaceAll("\\s", "").equals("{}")) {
            return Labels.EMPTY;
        }
        Expr expr = Parser.parse(description);
        if (!(expr instanceof VectorSelector selector)) {
            throw new IllegalArgumentException("not a series: " + description);
        }
        Labels.Builder builder = Labels.builder();
        for (LabelMatcher matcher : selector.matchers()) {
            if (matcher.type() == LabelMatcher.Type.EQUAL && !matcher.value().isEmpty()) {
                builder.add(matcher.name(), matcher.value());
            }
        }
        return builder.build();
    }
}
