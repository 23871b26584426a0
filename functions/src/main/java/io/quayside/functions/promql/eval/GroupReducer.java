package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.ast.AggregationOp;
import io.quayside.functions.promql.numeric.Extremes;
import io.quayside.functions.promql.numeric.KahanSum;
import io.quayside.functions.promql.numeric.MeanAccumulator;
import io.quayside.functions.promql.numeric.Quantiles;
import io.quayside.functions.promql.numeric.Variance;
import io.quayside.model.Sample;

import java.util.List;

/** The aggregators that reduce a group to one value, with Prometheus' numerics. */
final class GroupReducer {
    private GroupReducer() {
    }

    static double reduce(AggregationOp op, double param, List<Sample> members) {
        return switch (op) {
            case SUM -> {
                KahanSum sum = new KahanSum();
                members.forEach(s -> sum.add(s.value()));
                yield sum.value();
            }
            case AVG -> {
                MeanAccumulator mean = new MeanAccumulator();
                members.forEach(s -> mean.add(s.value()));
                yield mean.value();
            }
            case MIN, MAX -> {
                double[] values = values(members);
                yield values[Extremes.index(values, op == AggregationOp.MAX)];
            }
            case COUNT -> members.size();
            case GROUP -> 1;
            case STDDEV -> Math.sqrt(Variance.of(values(members)));
            case STDVAR -> Variance.of(values(members));
            case QUANTILE -> Quantiles.quantile(param, values(members));
            default -> throw new IllegalArgumentException("not a reducing aggregator: " + op);
        };
    }

    private static double[] values(List<Sample> members) {
        return members.stream().mapToDouble(Sample::value).toArray();
    }
}
