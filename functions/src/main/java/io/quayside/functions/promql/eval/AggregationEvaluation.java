package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.promql.ast.Aggregation;
import io.quayside.functions.promql.ast.AggregationOp;
import io.quayside.functions.promql.parser.StringLiterals;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One aggregation at one time: groups samples by {@code by}/{@code without}, then reduces each group. */
final class AggregationEvaluation {
    private final Evaluator evaluator;
    private final Aggregation aggregation;
    private final long t;

    AggregationEvaluation(Evaluator evaluator, Aggregation aggregation, long t) {
        this.evaluator = evaluator;
        this.aggregation = aggregation;
        this.t = t;
    }

    Value evaluate() {
        AggregationOp op = aggregation.op();
        Value param = aggregation.param() == null ? null : evaluator.eval(aggregation.param(), t);
        List<Sample> input = evaluator.evalVector(aggregation.expr(), t);
        Map<Labels, List<Sample>> groups = group(input);
        List<Sample> out = new ArrayList<>();
        switch (op) {
            case TOPK, BOTTOMK, LIMITK, LIMIT_RATIO -> {
                SelectionAggregator selector = new SelectionAggregator(op, ((Value.Scalar) param).value(),
                        evaluator.query().annotations());
                groups.values().forEach(members -> out.addAll(selector.select(members)));
            }
            case COUNT_VALUES -> countValues(((Value.Text) param).value(), groups, out);
            default -> {
                double q = param == null ? Double.NaN : ((Value.Scalar) param).value();
                if (op == AggregationOp.QUANTILE) {
                    evaluator.query().annotations().checkQuantile(q);
                }
                groups.forEach((labels, members) -> out.add(new Sample(labels, GroupReducer.reduce(op, q, members), t)));
            }
        }
        return new Value.InstantVector(out);
    }

    /** Groups in order of first appearance, keyed by the output labels. */
    private Map<Labels, List<Sample>> group(List<Sample> input) {
        Map<Labels, List<Sample>> groups = new LinkedHashMap<>();
        for (Sample sample : input) {
            Labels key = GroupingLabels.of(sample.labels(), aggregation.grouping(), !aggregation.without());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(sample);
        }
        return groups;
    }

    private void countValues(String label, Map<Labels, List<Sample>> groups, List<Sample> out) {
        if (label.isEmpty() || !StringLiterals.isValidUtf8(label)) {
            throw new PromqlException("invalid label name " + StringLiterals.goQuote(label));
        }
        Map<Labels, Integer> counts = new LinkedHashMap<>();
        groups.forEach((labels, members) -> {
            for (Sample sample : members) {
                counts.merge(labels.with(label, GoFormat.f(sample.value())), 1, Integer::sum);
            }
        });
        counts.forEach((labels, count) -> out.add(new Sample(labels, count, t)));
    }
}
