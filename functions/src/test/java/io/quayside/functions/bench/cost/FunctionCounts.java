package io.quayside.functions.bench.cost;

import io.quayside.functions.store.dynamodb.CapacityMeter;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Per function: its invocations' times and, through {@link StoreSpend}, the capacity units they used. */
final class FunctionCounts {
    static final String INGEST = "ingest";
    static final String EVALUATE = "evaluate";
    static final String GATEWAY = "gateway";
    static final String DISCOVER = "discover";

    private final StoreSpend spend;
    private final Map<String, InvocationTimes> times = new TreeMap<>();

    FunctionCounts(CapacityMeter meter) {
        this.spend = new StoreSpend(meter);
    }

    <T> T invoke(String function, Supplier<T> invocation) {
        return spend.invoke(function, times(function), invocation);
    }

    InvocationTimes times(String function) {
        return times.computeIfAbsent(function, f -> new InvocationTimes());
    }

    /** Table → what the function's invocations cost there. */
    Map<String, CapacityMeter.Tally> spent(String function) {
        return spend.byFunction().getOrDefault(function, Map.of());
    }
}
