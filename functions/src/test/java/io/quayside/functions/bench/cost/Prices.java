package io.quayside.functions.bench.cost;

/** AWS list prices, us-east-1, as of November 2026; free tiers left out. */
final class Prices {
    static final String AS_OF = "us-east-1 list prices as of 2026-11, free tiers ignored";
    static final double SQS_PER_REQUEST = 0.40 / 1e6;
    static final double LAMBDA_PER_REQUEST = 0.20 / 1e6;
    static final double LAMBDA_PER_GB_SECOND_X86 = 0.0000166667;
    static final double LAMBDA_PER_GB_SECOND_ARM = 0.0000133334;
    static final double DYNAMODB_PER_WRITE_UNIT = 0.625 / 1e6;
    static final double DYNAMODB_PER_READ_UNIT = 0.125 / 1e6;
    static final double DYNAMODB_PER_GB_MONTH = 0.25;
    static final double HTTP_API_PER_REQUEST = 1.00 / 1e6;
    static final double CLOUDWATCH_PER_PUT_METRIC_DATA = 0.01 / 1000;
    /** Custom metrics per month: the first 10k, the next 240k, the next 750k, and beyond 1M. */
    static final long[] CLOUDWATCH_TIER_ENDS = {10_000, 250_000, 1_000_000, Long.MAX_VALUE};
    static final double[] CLOUDWATCH_TIER_PRICES = {0.30, 0.10, 0.05, 0.02};

    private Prices() {
    }
}
