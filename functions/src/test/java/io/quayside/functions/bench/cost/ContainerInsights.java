package io.quayside.functions.bench.cost;

/**
 * The same series sent to CloudWatch as custom metrics, as Container Insights would hold them: one
 * metric per series (each container's id is a dimension value), and PutMetricData calls of
 * {@value #VALUES_PER_PUT} values each. High-resolution (10 s) metrics cost what standard ones do per
 * metric-month; what grows with resolution is the number of PutMetricData calls.
 */
final class ContainerInsights {
    static final int VALUES_PER_PUT = 20;

    private ContainerInsights() {
    }

    /** Tiered: each metric is priced by the tier its position in the account's count falls in. */
    static double metricsPerMonth(long metrics) {
        double dollars = 0;
        long below = 0;
        for (int tier = 0; tier < Prices.CLOUDWATCH_TIER_ENDS.length && below < metrics; tier++) {
            long inTier = Math.min(metrics, Prices.CLOUDWATCH_TIER_ENDS[tier]) - below;
            dollars += inTier * Prices.CLOUDWATCH_TIER_PRICES[tier];
            below += inTier;
        }
        return dollars;
    }

    static double putRequestsPerMonth(long metrics, long intervalSeconds) {
        return (double) metrics * CostTable.MONTH_SECONDS / intervalSeconds / VALUES_PER_PUT;
    }
}
