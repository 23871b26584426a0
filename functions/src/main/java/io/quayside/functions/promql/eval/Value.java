package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.Series;
import io.quayside.model.Sample;

import java.util.List;

/** A query result: scalar, string, instant vector or range vector. */
public sealed interface Value {
    record Scalar(double value) implements Value {
    }

    record Text(String value) implements Value {
    }

    /** Samples of distinct series at one time. */
    record InstantVector(List<Sample> samples) implements Value {
    }

    /** Series with their samples over a window, or over a range query's steps. */
    record RangeVector(List<Series> series) implements Value {
    }
}
