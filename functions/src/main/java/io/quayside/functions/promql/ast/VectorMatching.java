package io.quayside.functions.promql.ast;

import java.util.List;

/**
 * How a binary operation pairs series: {@code on(labels)} or {@code ignoring(labels)}, and for
 * {@code group_left/right} the extra labels copied from the "one" side.
 */
public record VectorMatching(Cardinality cardinality, List<String> labels, boolean on, List<String> include) {
    public enum Cardinality { ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    public static final VectorMatching DEFAULT = new VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of());
}
