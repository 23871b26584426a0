package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.promql.ast.AggregationOp;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** topk, bottomk, limitk and limit_ratio: pick whole samples from each group, labels untouched. */
final class SelectionAggregator {
    private final AggregationOp op;
    private final long k;
    private final double ratio;

    SelectionAggregator(AggregationOp op, double param, Annotations annotations) {
        this.op = op;
        if (Double.isNaN(param)) {
            throw new PromqlException(op == AggregationOp.LIMIT_RATIO ? "Ratio value is NaN" : "Parameter value is NaN");
        }
        if (op == AggregationOp.LIMIT_RATIO && (param < -1 || param > 1)) {
            double capped = Math.max(-1, Math.min(1, param));
            annotations.warn("ratio value should be between -1 and 1, got " + GoFormat.g(param) + ", capping to " + GoFormat.g(capped));
            param = capped;
        }
        this.ratio = param;
        this.k = param >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) param;
    }

    List<Sample> select(List<Sample> group) {
        return switch (op) {
            case TOPK -> best(group, ranking(true));
            case BOTTOMK -> best(group, ranking(false));
            case LIMITK -> group.subList(0, (int) Math.max(0, Math.min(k, group.size())));
            default -> group.stream().filter(s -> RatioSampler.keep(ratio, s.labels())).toList();
        };
    }

    /** Worst first: NaN, then values ascending for topk or descending for bottomk. */
    private static Comparator<Sample> ranking(boolean higherIsBetter) {
        return (a, b) -> {
            boolean aNaN = Double.isNaN(a.value());
            boolean bNaN = Double.isNaN(b.value());
            if (aNaN || bNaN) {
                return aNaN == bNaN ? 0 : aNaN ? -1 : 1;
            }
            return higherIsBetter ? Double.compare(a.value(), b.value()) : Double.compare(b.value(), a.value());
        };
    }

    /** The k best by {@code order} (highest last), as a bounded heap like Prometheus', then best first. */
    private List<Sample> best(List<Sample> group, Comparator<Sample> order) {
        if (k < 1) {
            return List.of();
        }
        PriorityQueue<Sample> heap = new PriorityQueue<>(order);
        for (Sample sample : group) {
            if (heap.size() < k) {
                heap.add(sample);
            } else if (order.compare(heap.peek(), sample) < 0) {
                heap.poll();
                heap.add(sample);
            }
        }
        List<Sample> out = new ArrayList<>(heap);
        out.sort(nanLast(order.reversed()));
        return out;
    }

    private static Comparator<Sample> nanLast(Comparator<Sample> order) {
        return Comparator.<Sample, Boolean>comparing(s -> Double.isNaN(s.value())).thenComparing(order);
    }
}
