package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.promql.ast.BinaryExpr;
import io.quayside.functions.promql.ast.VectorMatching;
import io.quayside.functions.promql.ast.VectorMatching.Cardinality;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One-to-one and many-to-one/one-to-many matching of two vectors, as Prometheus' VectorBinop. */
final class VectorMatcher {
    private final BinaryExpr expr;
    private final VectorMatching matching;
    private final long t;

    VectorMatcher(BinaryExpr expr, long t) {
        this.expr = expr;
        this.matching = expr.matching();
        this.t = t;
    }

    List<Sample> match(List<Sample> lhs, List<Sample> rhs) {
        boolean swapped = matching.cardinality() == Cardinality.ONE_TO_MANY;
        List<Sample> many = swapped ? rhs : lhs;
        Map<Labels, Sample> one = indexOneSide(swapped ? lhs : rhs, swapped ? "left" : "right");
        Map<Labels, Set<Labels>> matchedSignatures = new HashMap<>();
        List<Sample> out = new ArrayList<>();
        for (Sample sample : many) {
            Labels signature = GroupingLabels.of(sample.labels(), matching.labels(), matching.on());
            Sample other = one.get(signature);
            if (other == null) {
                continue;
            }
            double left = swapped ? other.value() : sample.value();
            double right = swapped ? sample.value() : other.value();
            Double value = BinaryOperation.combine(expr, left, right, left);
            if (value == null) {
                continue;
            }
            Labels labels = resultLabels(sample.labels(), other.labels());
            Set<Labels> produced = matchedSignatures.get(signature);
            if (matching.cardinality() == Cardinality.ONE_TO_ONE) {
                if (produced != null) {
                    throw new PromqlException("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
                }
                matchedSignatures.put(signature, Set.of());
            } else {
                if (produced == null) {
                    produced = new HashSet<>();
                    matchedSignatures.put(signature, produced);
                }
                if (!produced.add(labels)) {
                    throw new PromqlException("multiple matches for labels: grouping labels must ensure unique matches");
                }
            }
            out.add(new Sample(labels, value, t));
        }
        return out;
    }

    private Map<Labels, Sample> indexOneSide(List<Sample> samples, String side) {
        Map<Labels, Sample> index = new HashMap<>();
        for (Sample sample : samples) {
            Labels signature = GroupingLabels.of(sample.labels(), matching.labels(), matching.on());
            Sample duplicate = index.put(signature, sample);
            if (duplicate != null) {
                throw new PromqlException("found duplicate series for the match group " + signature + " on the " + side
                        + " hand-side of the operation: [" + sample.labels() + ", " + duplicate.labels()
                        + "];many-to-many matching not allowed: matching labels must be unique on one side");
            }
        }
        return index;
    }

    /** The "many" side's labels, narrowed for one-to-one matching, plus {@code group_x} labels from the "one" side. */
    private Labels resultLabels(Labels many, Labels one) {
        Labels base = BinaryOperation.resultLabels(expr, many);
        Labels.Builder builder = base.toBuilder();
        if (matching.cardinality() == Cardinality.ONE_TO_ONE) {
            for (int i = 0; i < base.size(); i++) {
                String name = base.name(i);
                if (matching.on() != matching.labels().contains(name)) {
                    builder.remove(name);
                }
            }
        }
        for (String name : matching.include()) {
            String value = one.get(name);
            if (value != null && !value.isEmpty()) {
                builder.add(name, value);
            } else {
                builder.remove(name);
            }
        }
        return builder.build();
    }
}
