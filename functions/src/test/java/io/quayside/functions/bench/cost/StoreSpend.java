package io.quayside.functions.bench.cost;

import io.quayside.functions.store.dynamodb.CapacityMeter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The store's capacity units per function and table: the meter's tallies before and after each
 * invocation, so that windows written by ingest and by rule outputs are told apart.
 */
final class StoreSpend {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final CapacityMeter meter;
    private final Map<String, Map<String, CapacityMeter.Tally>> byFunction = new TreeMap<>();

    StoreSpend(CapacityMeter meter) {
        this.meter = meter;
    }

    /** Runs one invocation of {@code function}, adds what it cost to its tallies and its time to {@code times}. */
    <T> T invoke(String function, InvocationTimes times, Supplier<T> invocation) {
        Map<String, CapacityMeter.Tally> before = meter.tallies();
        long startedCpu = THREADS.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        T result = invocation.get();
        times.add(System.nanoTime() - started, THREADS.getCurrentThreadCpuTime() - startedCpu);
        Map<String, CapacityMeter.Tally> spent = byFunction.computeIfAbsent(function, f -> new TreeMap<>());
        meter.tallies().forEach((table, after) -> {
            CapacityMeter.Tally delta = after.minus(before.getOrDefault(table, CapacityMeter.Tally.ZERO));
            spent.merge(table, delta, StoreSpend::plus);
        });
        return result;
    }

    /** Function → table → what its invocations cost there. */
    Map<String, Map<String, CapacityMeter.Tally>> byFunction() {
        return byFunction;
    }

    private static CapacityMeter.Tally plus(CapacityMeter.Tally a, CapacityMeter.Tally b) {
        return new CapacityMeter.Tally(a.readUnits() + b.readUnits(), a.writeUnits() + b.writeUnits(),
                a.requests() + b.requests(), a.unreportedWrites() + b.unreportedWrites());
    }
}
