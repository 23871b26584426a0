package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.ast.BinaryOperator;
import io.quayside.functions.promql.ast.VectorMatching;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code and}, {@code or}, {@code unless}: samples pass whole, matched by signature only. */
final class SetOperation {
    private SetOperation() {
    }

    static List<Sample> apply(BinaryOperator op, VectorMatching matching, List<Sample> lhs, List<Sample> rhs) {
        return switch (op) {
            case AND -> filter(lhs, signatures(rhs, matching), true, matching);
            case UNLESS -> filter(lhs, signatures(rhs, matching), false, matching);
            case OR -> {
                List<Sample> out = new ArrayList<>(lhs);
                out.addAll(filter(rhs, signatures(lhs, matching), false, matching));
                yield out;
            }
            default -> throw new IllegalArgumentException("not a set operator: " + op);
        };
    }

    /** The samples whose signature is (or, with {@code present} false, is not) among {@code others}. */
    private static List<Sample> filter(List<Sample> samples, Set<Labels> others, boolean present, VectorMatching matching) {
        List<Sample> out = new ArrayList<>();
        for (Sample sample : samples) {
            if (others.contains(signature(sample, matching)) == present) {
                out.add(sample);
            }
        }
        return out;
    }

    private static Set<Labels> signatures(List<Sample> samples, VectorMatching matching) {
        Set<Labels> out = new HashSet<>();
        samples.forEach(s -> out.add(signature(s, matching)));
        return out;
    }

    private static Labels signature(Sample sample, VectorMatching matching) {
        return GroupingLabels.of(sample.labels(), matching.labels(), matching.on());
    }
}
