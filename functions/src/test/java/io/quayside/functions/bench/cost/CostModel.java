package io.quayside.functions.bench.cost;

/**
 * Dollars per 1,000 containers per month, from the requests a simulated fleet makes against the real
 * ingest, evaluate and gateway code on DynamoDB Local. Run with {@code infra/bench/cost-model}.
 */
public final class CostModel {
    private CostModel() {
    }

    public static void main(String[] args) throws Exception {
        CostOptions options;
        try {
            options = CostOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cost-model: " + e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        RunResult result = new FleetRun(options).run();
        new CostReport(result).print(System.out);
        System.out.printf("%n(simulated %d min in %.0f s)%n", options.warmupMinutes() + options.minutes(),
                (System.nanoTime() - started) / 1e9);
        // DynamoDB Local's threads would keep the JVM alive.
        System.exit(0);
    }
}
