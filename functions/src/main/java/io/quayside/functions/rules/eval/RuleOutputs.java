package io.quayside.functions.rules.eval;

import io.quayside.functions.promql.SeriesSource;
import io.quayside.model.Sample;

/**
 * Where a group's rules write (recorded series, {@code ALERTS}, stale markers) and read: later rules
 * and later evaluations must see earlier outputs, as Prometheus reads them back from its TSDB.
 */
public interface RuleOutputs extends SeriesSource {
    /** Samples come in time order per series, as evaluations make them. */
    void append(Sample sample);
}
