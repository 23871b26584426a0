package io.quayside.functions.promql.ast;

/** The {@code offset} and {@code @} that selectors and subqueries share; {@code at} may be null. */
public record TimeModifiers(long offsetMs, AtModifier at, boolean hasOffset) {
    public static final TimeModifiers NONE = new TimeModifiers(0, null, false);

    public TimeModifiers withOffset(long ms) {
        return new TimeModifiers(ms, at, true);
    }

    public TimeModifiers withAt(AtModifier modifier) {
        return new TimeModifiers(offsetMs, modifier, hasOffset);
    }

    /** The time a selector reads at when the query evaluates at {@code evalTimeMs}. */
    public long referenceTime(long evalTimeMs, long queryStartMs, long queryEndMs) {
        long base = at == null ? evalTimeMs : at.resolve(queryStartMs, queryEndMs);
        return base - offsetMs;
    }
}
