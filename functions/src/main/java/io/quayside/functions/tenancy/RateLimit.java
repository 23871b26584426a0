package io.quayside.functions.tenancy;

/** A tenant's token bucket: refilled at {@code perSecond} requests a second, holding at most {@code burst}. */
public record RateLimit(double perSecond, int burst) {
    public static final RateLimit DEFAULT = new RateLimit(50, 100);

    public RateLimit {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number of requests per second, not " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("the burst must be at least 1 request, not " + burst);
        }
    }

    @Override
    public String toString() {
        String rate = perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
        return rate + "/s, burst " + burst;
    }
}
