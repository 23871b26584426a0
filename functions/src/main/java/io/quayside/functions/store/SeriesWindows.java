package io.quayside.functions.store;

import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.SeriesSource;
import io.quayside.model.Sample;

import java.util.Collection;
import java.util.List;

/** The recent samples of every series, per tenant: what rules and queries read. */
public interface SeriesWindows {
    /** Appends in time order per series; says how many samples were not kept, and why. */
    AppendResult append(String tenant, Collection<Sample> samples);

    /** Series matching every matcher, with their samples in {@code [minTimeMs, maxTimeMs]}. */
    List<Series> select(String tenant, List<LabelMatcher> matchers, long minTimeMs, long maxTimeMs);

    /** One tenant's windows as the PromQL engine reads them: no query sees another tenant's series. */
    default SeriesSource source(String tenant) {
        return (matchers, minTimeMs, maxTimeMs) -> select(tenant, matchers, minTimeMs, maxTimeMs);
    }

    /**
     * @param outOfOrder samples not newer than their series' newest (a repeat of the newest is not counted)
     * @param seriesLimit samples of new series refused because the tenant has as many series as allowed
     */
    record AppendResult(int appended, int outOfOrder, int seriesLimit) {
        public static final AppendResult NONE = new AppendResult(0, 0, 0);
    }
}
