package io.quayside.functions.promql.eval;

/** The left-open window {@code (startMs, endMs]} a range vector argument was selected from. */
public record RangeWindow(long startMs, long endMs) {
    public double rangeSeconds() {
        return (endMs - startMs) / 1000.0;
    }
}
