package io.quayside.functions.promql;

import java.util.List;

/** The storage port the engine reads from. */
public interface SeriesSource {
    /**
     * Series whose labels satisfy every matcher, each with its samples (stale markers included)
     * in {@code [minTimeMs, maxTimeMs]}; series without samples there may be left out.
     */
    List<Series> select(List<LabelMatcher> matchers, long minTimeMs, long maxTimeMs);
}
