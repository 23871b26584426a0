package io.quayside.functions.bench.cost;

import io.quayside.functions.store.dynamodb.CapacityMeter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's counts extrapolated to a 30-day month and priced: one row per billed quantity.
 * DynamoDB write units include the conditional writes DynamoDB refuses (billed, not reported).
 */
final class CostTable {
    static final long MONTH_SECONDS = 30L * 86_400;
    /** Assumed for discovery: each container replaced once a day, a stop and a start event; a stop priced as a start. */
    static final int LIFECYCLE_EVENTS_PER_CONTAINER_DAY = 2;
    /** DynamoDB's TTL deletes expired items within days, not at once: assumed to hold them 48 h more. */
    static final double TTL_LAG_HOURS = 48;
    private static final List<String> PER_INTERVAL_FUNCTIONS =
            List.of(FunctionCounts.INGEST, FunctionCounts.EVALUATE, FunctionCounts.GATEWAY);

    record Row(String service, String component, double quantity, String unitPrice, double dollars) {
    }

    private final RunResult run;
    private final double toMonth;
    private final List<Row> rows = new ArrayList<>();

    CostTable(RunResult run) {
        this.run = run;
        this.toMonth = MONTH_SECONDS / 60.0 / run.options().minutes();
        sqs();
        lambda();
        apiGateway();
        dynamoDb();
    }

    List<Row> rows() {
        return rows;
    }

    double total() {
        return rows.stream().mapToDouble(Row::dollars).sum();
    }

    double perThousandContainers(double dollars) {
        return dollars * 1000 / run.options().containers();
    }

    double discoverEventsPerMonth() {
        return (double) run.options().containers() * LIFECYCLE_EVENTS_PER_CONTAINER_DAY * MONTH_SECONDS / 86_400;
    }

    /** Dollars per service (SQS, Lambda, ...), largest first. */
    Map<String, Double> byService() {
        Map<String, Double> out = new TreeMap<>();
        rows.forEach(row -> out.merge(row.service(), row.dollars(), Double::sum));
        return out;
    }

    private void sqs() {
        MeteredQueue queue = run.queue();
        add("SQS", "SendMessage, per 64 KiB chunk", queue.sendRequests() * toMonth, "$0.40/M", Prices.SQS_PER_REQUEST);
        add("SQS", "ReceiveMessage (event source mapping)", queue.receiveRequests() * toMonth, "$0.40/M", Prices.SQS_PER_REQUEST);
        add("SQS", "DeleteMessageBatch", queue.deleteRequests() * toMonth, "$0.40/M", Prices.SQS_PER_REQUEST);
    }

    private void lambda() {
        int memory = run.options().lambdaMemoryMb();
        for (String function : PER_INTERVAL_FUNCTIONS) {
            InvocationTimes times = run.counted().times(function);
            add("Lambda", function + " requests", times.count() * toMonth, "$0.20/M", Prices.LAMBDA_PER_REQUEST);
            add("Lambda", function + " GB-s (x86, " + memory + " MB)", times.gbSeconds(memory) * toMonth, "$0.0000166667",
                    Prices.LAMBDA_PER_GB_SECOND_X86);
        }
        InvocationTimes discover = run.discovered().times(FunctionCounts.DISCOVER);
        double events = discoverEventsPerMonth();
        add("Lambda", "discover requests (assumed churn)", events, "$0.20/M", Prices.LAMBDA_PER_REQUEST);
        add("Lambda", "discover GB-s (assumed churn)", discover.gbSeconds(memory) / discover.count() * events, "$0.0000166667",
                Prices.LAMBDA_PER_GB_SECOND_X86);
    }

    private void apiGateway() {
        add("API Gateway", "HTTP API requests (federation, per 512 KB)", run.apiGatewayRequests() * toMonth, "$1.00/M",
                Prices.HTTP_API_PER_REQUEST);
        add("EventBridge", "schedule (evaluate) and ECS events (discover)", 0, "free", 0);
    }

    private void dynamoDb() {
        for (Map.Entry<String, double[]> table : unitsPerTable().entrySet()) {
            add("DynamoDB", "write units, " + table.getKey(), table.getValue()[1], "$0.625/M", Prices.DYNAMODB_PER_WRITE_UNIT);
            add("DynamoDB", "read units, " + table.getKey(), table.getValue()[0], "$0.125/M", Prices.DYNAMODB_PER_READ_UNIT);
        }
        add("DynamoDB", "storage GB-month (upper bound)", storageGb(), "$0.25/GB", Prices.DYNAMODB_PER_GB_MONTH);
    }

    /** Table (without its prefix) → {read units, write units} per month, over every function. */
    Map<String, double[]> unitsPerTable() {
        Map<String, double[]> out = new TreeMap<>();
        unitsPerFunction().values().forEach(tables -> tables.forEach((table, units) -> {
            double[] sum = out.computeIfAbsent(table, t -> new double[2]);
            sum[0] += units[0];
            sum[1] += units[1];
        }));
        return out;
    }

    /** Function → table → {read, write} units per month (discover at the assumed churn). */
    Map<String, Map<String, double[]>> unitsPerFunction() {
        Map<String, Map<String, double[]>> out = new TreeMap<>();
        for (String function : PER_INTERVAL_FUNCTIONS) {
            run.counted().spent(function).forEach((table, tally) ->
                    addUnits(out.computeIfAbsent(function, f -> new TreeMap<>()), table, tally, toMonth));
        }
        double perEvent = discoverEventsPerMonth() / run.discovered().times(FunctionCounts.DISCOVER).count();
        run.discovered().spent(FunctionCounts.DISCOVER).forEach((table, tally) ->
                addUnits(out.computeIfAbsent(FunctionCounts.DISCOVER, f -> new TreeMap<>()), table, tally, perEvent));
        return out;
    }

    /**
     * Windows: an hour's chunks (the retention) plus the TTL lag, at no more than 1 KB per write unit;
     * latest: one item per series (a unit or less each) plus the batch-id ledger (24 h and the lag).
     */
    double storageGb() {
        double windowUnitsPerHour = 0;
        for (String function : PER_INTERVAL_FUNCTIONS) {
            windowUnitsPerHour += run.counted().spent(function).entrySet().stream()
                    .filter(table -> shortName(table.getKey()).equals("windows"))
                    .mapToDouble(table -> table.getValue().writeUnits()).sum() * 60.0 / run.options().minutes();
        }
        double batchesPerHour = run.queue().messagesSent() * 60.0 / run.options().minutes();
        double kilobytes = windowUnitsPerHour * (FleetRun.WINDOW_RETENTION.toHours() + TTL_LAG_HOURS)
                + run.series() + batchesPerHour * (FleetRun.SEEN_RETENTION.toHours() + TTL_LAG_HOURS);
        return kilobytes / 1024 / 1024;
    }

    static String shortName(String table) {
        return table.substring(table.lastIndexOf('-') + 1);
    }

    private static void addUnits(Map<String, double[]> out, String table, CapacityMeter.Tally tally, double factor) {
        double[] units = out.computeIfAbsent(shortName(table), t -> new double[2]);
        units[0] += tally.readUnits() * factor;
        units[1] += (tally.writeUnits() + tally.unreportedWrites()) * factor;
    }

    private void add(String service, String component, double quantity, String unitPrice, double price) {
        rows.add(new Row(service, component, quantity, unitPrice, quantity * price));
    }
}
