package io.quayside.functions.promql.ast;

/** {@code @ <time>}, {@code @ start()} or {@code @ end()}: pins evaluation to one time. */
public record AtModifier(Anchor anchor, long timestampMs) {
    public enum Anchor { TIMESTAMP, START, END }

    /** The pinned time, given the query's own start and end. */
    public long resolve(long queryStartMs, long queryEndMs) {
        return switch (anchor) {
            case TIMESTAMP -> timestampMs;
            case START -> queryStartMs;
            case END -> queryEndMs;
        };
    }
}
