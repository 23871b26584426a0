package io.quayside.functions.bench.cost;

/**
 * What a {@link FleetRun} counted over its counted minutes.
 *
 * @param discovered the discover function's start events, before the warm-up: priced per event
 * @param series     series the fleet sends every interval (containers' and nodes')
 */
record RunResult(CostOptions options, FunctionCounts counted, FunctionCounts discovered, MeteredQueue queue,
                 long federatedBytes, long apiGatewayRequests, long samplesSent, int series, long alerts) {
}
