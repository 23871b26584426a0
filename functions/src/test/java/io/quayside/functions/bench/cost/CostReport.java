package io.quayside.functions.bench.cost;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Map;

/** Prints a run: its inputs, what it measured, the monthly table, and Container Insights for the same fleet. */
final class CostReport {
    static final double GOAL_PER_THOUSAND = 20;

    private final RunResult run;
    private final CostTable table;

    CostReport(RunResult run) {
        this.run = run;
        this.table = new CostTable(run);
    }

    void print(PrintStream out) {
        CostOptions o = run.options();
        out.printf("%nQuayside cost model: %d hosts × %d containers = %d containers, %d series, interval %ds,%n",
                o.hosts(), o.containersPerHost(), o.containers(), run.series(), o.interval().toSeconds());
        out.printf("%d min counted after %d min warm-up, Lambda %d MB, SQS batch size %d, federation every %ds, rules %s%n",
                o.minutes(), o.warmupMinutes(), o.lambdaMemoryMb(), o.sqsBatchSize(), o.federateInterval().toSeconds(), o.rules());
        out.printf("Prices: %s.%n%n", Prices.AS_OF);
        measured(out);
        out.printf("%n%-13s %-52s %18s %14s %12s %12s%n", "service", "component", "per month", "unit price", "$/month", "$/1k cont.");
        for (CostTable.Row row : table.rows()) {
            out.printf("%-13s %-52s %,18.0f %14s %,12.2f %,12.2f%n", row.service(), row.component(), row.quantity(),
                    row.unitPrice(), row.dollars(), table.perThousandContainers(row.dollars()));
        }
        double total = table.total();
        out.printf("%-13s %-52s %18s %14s %,12.2f %,12.2f%n", "TOTAL", "", "", "", total, table.perThousandContainers(total));
        CostTable.Row top = table.rows().stream().max(Comparator.comparingDouble(CostTable.Row::dollars)).orElseThrow();
        out.printf("%nDominant: %s %s, $%,.2f of $%,.2f (%.0f%%). By service:", top.service(), top.component(), top.dollars(),
                total, 100 * top.dollars() / total);
        table.byService().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(service -> out.printf(" %s $%,.2f;", service.getKey(), service.getValue()));
        double perThousand = table.perThousandContainers(total);
        out.printf("%nGoal ≤ $%.0f per 1,000 containers-month: %s ($%,.2f).%n", GOAL_PER_THOUSAND,
                perThousand <= GOAL_PER_THOUSAND ? "met" : "MISSED", perThousand);
        unitsByFunction(out);
        containerInsights(out);
    }

    private void measured(PrintStream out) {
        MeteredQueue queue = run.queue();
        out.printf("Messages sent: %,d (%,.0f bytes each on average, %.2f bytes/sample incl. base64 and attributes); samples %,d%n",
                queue.messagesSent(), (double) queue.bytesSent() / queue.messagesSent(), (double) queue.bytesSent() / run.samplesSent(),
                run.samplesSent());
        for (String function : new String[]{FunctionCounts.INGEST, FunctionCounts.EVALUATE, FunctionCounts.GATEWAY}) {
            InvocationTimes times = run.counted().times(function);
            out.printf("%-9s %,7d invocations, wall time per invocation mean %8.1f ms, p99 %8.1f ms; own CPU mean %8.1f ms%n",
                    function, times.count(), times.meanMs(), times.p99Ms(), times.meanCpuMs());
        }
        InvocationTimes discover = run.discovered().times(FunctionCounts.DISCOVER);
        out.printf("%-9s %,7d start events (before the warm-up), mean %8.1f ms, p99 %8.1f ms%n", FunctionCounts.DISCOVER,
                discover.count(), discover.meanMs(), discover.p99Ms());
        InvocationTimes gateway = run.counted().times(FunctionCounts.GATEWAY);
        out.printf("Federation response: %,.0f bytes on average; alerts sent: %d%n",
                gateway.count() == 0 ? 0.0 : (double) run.federatedBytes() / gateway.count(), run.alerts());
        out.println("Times are wall time in this JVM against DynamoDB Local on loopback (its server work included, on a"
                + " shared machine): AWS's DynamoDB latency (single-digit ms per request) and a Lambda's CPU share at this memory differ.");
    }

    private void unitsByFunction(PrintStream out) {
        out.printf("%nDynamoDB units per month by function and table (read / write, write incl. refused conditional writes):%n");
        table.unitsPerFunction().forEach((function, tables) -> tables.forEach((name, units) ->
                out.printf("  %-9s %-9s %,18.0f RRU %,18.0f WRU%n", function, name, units[0], units[1])));
    }

    private void containerInsights(PrintStream out) {
        long metrics = run.series();
        long seconds = run.options().interval().toSeconds();
        double metricDollars = ContainerInsights.metricsPerMonth(metrics);
        double puts = ContainerInsights.putRequestsPerMonth(metrics, seconds);
        double putDollars = puts * Prices.CLOUDWATCH_PER_PUT_METRIC_DATA;
        out.printf("%nCloudWatch Container Insights as custom metrics, same series (%,d metrics, one per series):%n", metrics);
        out.printf("  metrics, tiered $0.30/$0.10/$0.05/$0.02 at 10k/250k/1M       $%,12.2f  ($%,.2f per 1k containers)%n",
                metricDollars, table.perThousandContainers(metricDollars));
        out.printf("  PutMetricData, %d values a call every %ds: %,.0f calls at $0.01/1k  $%,12.2f  ($%,.2f per 1k containers)%n",
                ContainerInsights.VALUES_PER_PUT, seconds, puts, putDollars, table.perThousandContainers(putDollars));
        out.printf("  total                                                        $%,12.2f  ($%,.2f per 1k containers)%n",
                metricDollars + putDollars, table.perThousandContainers(metricDollars + putDollars));
        out.printf("  (%s: high-resolution metrics are priced per metric as standard ones; their cost is the extra calls)%n",
                seconds < 60 ? "high resolution" : "standard resolution");
    }
}
