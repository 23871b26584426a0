package io.quayside.functions.bench.cost;

import java.util.Arrays;

/**
 * One function's invocations, each timed on the wall clock (what Lambda bills: waiting on DynamoDB
 * included), and the GB-seconds Lambda would bill for them. The invoking thread's CPU time is kept
 * beside it, since on a shared machine wall time also counts other processes.
 */
final class InvocationTimes {
    private long[] nanos = new long[1024];
    private int count;
    private long cpuNanos;

    void add(long elapsedNanos, long threadCpuNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
        cpuNanos += threadCpuNanos;
    }

    double meanCpuMs() {
        return count == 0 ? 0 : cpuNanos / 1e6 / count;
    }

    int count() {
        return count;
    }

    double meanMs() {
        return count == 0 ? 0 : Arrays.stream(nanos, 0, count).sum() / 1e6 / count;
    }

    double p99Ms() {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.99 * count) - 1] / 1e6;
    }

    /** Lambda bills each invocation's duration rounded up to the millisecond, times the memory configured. */
    double gbSeconds(int memoryMb) {
        long billedMs = 0;
        for (int i = 0; i < count; i++) {
            billedMs += (nanos[i] + 999_999) / 1_000_000;
        }
        return billedMs / 1000.0 * memoryMb / 1024.0;
    }
}
