package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.ast.MatrixSelector;
import io.quayside.functions.promql.ast.VectorSelector;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.List;

/** Reads selectors from the source with Prometheus 3's left-open windows and staleness rules. */
final class SeriesSelection {
    private final QueryContext query;

    SeriesSelection(QueryContext query) {
        this.query = query;
    }

    long referenceTime(VectorSelector selector, long evalTimeMs) {
        return selector.modifiers().referenceTime(evalTimeMs, query.startMs(), query.endMs());
    }

    /**
     * The latest sample of each series within the lookback; a stale marker there means the series
     * has ended. Samples carry the eval time, or their own time when {@code keepSampleTime}.
     */
    List<Sample> instant(VectorSelector selector, long evalTimeMs, boolean keepSampleTime) {
        long ref = referenceTime(selector, evalTimeMs);
        List<Sample> out = new ArrayList<>();
        for (Series series : query.source().select(selector.matchers(), ref - query.lookbackMs() + 1, ref)) {
            int last = series.size() - 1;
            Sample sample = new Sample(series.labels(), series.values()[last],
                    keepSampleTime ? series.timestamps()[last] : evalTimeMs);
            if (!sample.isStale()) {
                out.add(sample);
            }
        }
        query.budget().hold(out.size());
        return out;
    }

    /** Samples in {@code (ref - range, ref]} without stale markers; series left empty are dropped. */
    List<Series> range(MatrixSelector matrix, RangeWindow window) {
        List<Series> out = new ArrayList<>();
        for (Series series : query.source().select(matrix.selector().matchers(), window.startMs() + 1, window.endMs())) {
            Series fresh = withoutStaleMarkers(series);
            if (!fresh.isEmpty()) {
                query.budget().hold(fresh.size());
                out.add(fresh);
            }
        }
        return out;
    }

    RangeWindow window(MatrixSelector matrix, long evalTimeMs) {
        long ref = referenceTime(matrix.selector(), evalTimeMs);
        return new RangeWindow(ref - matrix.rangeMs(), ref);
    }

    private static Series withoutStaleMarkers(Series series) {
        SeriesBuilder builder = new SeriesBuilder(series.labels());
        for (int i = 0; i < series.size(); i++) {
            if (Double.doubleToRawLongBits(series.values()[i]) != Sample.STALE_NAN_BITS) {
                builder.add(series.timestamps()[i], series.values()[i]);
            }
        }
        return builder.build();
    }
}
