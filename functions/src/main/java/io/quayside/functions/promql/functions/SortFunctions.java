package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.eval.Value;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** sort, sort_desc (NaN last either way) and sort_by_label(_desc) with natural ordering of values. */
final class SortFunctions {
    private SortFunctions() {
    }

    static void register(Map<String, PromqlFunction> functions) {
        Comparator<Sample> nanLast = Comparator.comparing(s -> Double.isNaN(s.value()));
        functions.put("sort", sorted(call -> nanLast.thenComparingDouble(Sample::value)));
        functions.put("sort_desc", sorted(call -> nanLast.thenComparing(Comparator.comparingDouble(Sample::value).reversed())));
        functions.put("sort_by_label", sorted(call -> byLabels(call)));
        functions.put("sort_by_label_desc", sorted(call -> byLabels(call).reversed()));
    }

    private interface OrderOfCall {
        Comparator<Sample> order(FunctionCall call);
    }

    private static PromqlFunction sorted(OrderOfCall order) {
        return call -> {
            List<Sample> samples = new ArrayList<>(call.vector(0));
            samples.sort(order.order(call));
            return new Value.InstantVector(samples);
        };
    }

    /** By the given labels in turn, then by the whole label set so the order is total. */
    private static Comparator<Sample> byLabels(FunctionCall call) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < call.argCount(); i++) {
            names.add(call.string(i));
        }
        return (a, b) -> {
            for (String name : names) {
                int cmp = NaturalOrder.compare(valueOf(a.labels(), name), valueOf(b.labels(), name));
                if (cmp != 0) {
                    return cmp;
                }
            }
            return a.labels().compareTo(b.labels());
        };
    }

    private static String valueOf(Labels labels, String name) {
        String value = labels.get(name);
        return value == null ? "" : value;
    }
}
