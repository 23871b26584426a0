package io.quayside.functions.gateway;

/**
 * The most series one exposition response may hold, so that a broad federation match or a huge
 * tenant cannot make the gateway build an answer of unbounded size.
 */
public record SeriesLimit(int maxSeries) {
    public static final String PROPERTY = "quayside.gateway.max-series-per-response";

    public SeriesLimit {
        if (maxSeries < 1) {
            throw new IllegalArgumentException(PROPERTY + " must be at least 1, not " + maxSeries);
        }
    }

    /**
     * Refuses with 422, as Prometheus answers a well-formed query too large to execute: the request
     * is valid and may succeed once the tenant has fewer series or the limit is raised.
     */
    public void check(int matched) {
        if (matched > maxSeries) {
            throw new GatewayException(422, "the response would hold " + matched + " series, more than the limit of "
                    + maxSeries + " (" + PROPERTY + "); narrow the match[] selectors or scrape containers one by one");
        }
    }
}
