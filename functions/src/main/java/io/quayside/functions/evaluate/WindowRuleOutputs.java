package io.quayside.functions.evaluate;

import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.Series;
import io.quayside.functions.rules.eval.RuleOutputs;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule outputs written into the tenant's series windows, so that recorded series and {@code ALERTS}
 * are queried, retained and evicted like any other series. Outputs are buffered and written in one
 * append before the next read, not one log frame per sample.
 */
final class WindowRuleOutputs implements RuleOutputs {
    private final SeriesWindows windows;
    private final String tenant;
    private final List<Sample> pending = new ArrayList<>();

    WindowRuleOutputs(SeriesWindows windows, String tenant) {
        this.windows = windows;
        this.tenant = tenant;
    }

    @Override
    public void append(Sample sample) {
        pending.add(sample);
    }

    @Override
    public List<Series> select(List<LabelMatcher> matchers, long minTimeMs, long maxTimeMs) {
        flush();
        return windows.select(tenant, matchers, minTimeMs, maxTimeMs);
    }

    void flush() {
        if (!pending.isEmpty()) {
            windows.append(tenant, pending);
            pending.clear();
        }
    }
}
