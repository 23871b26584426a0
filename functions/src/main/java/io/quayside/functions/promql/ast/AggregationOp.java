package io.quayside.functions.promql.ast;

import java.util.Locale;

/** Aggregation operators; some take a parameter before the vector. */
public enum AggregationOp {
    SUM, AVG, MIN, MAX, COUNT, GROUP, STDDEV, STDVAR,
    TOPK(ValueType.SCALAR), BOTTOMK(ValueType.SCALAR), QUANTILE(ValueType.SCALAR),
    COUNT_VALUES(ValueType.STRING), LIMITK(ValueType.SCALAR), LIMIT_RATIO(ValueType.SCALAR);

    private final ValueType parameterType;

    AggregationOp() {
        this(null);
    }

    AggregationOp(ValueType parameterType) {
        this.parameterType = parameterType;
    }

    /** The parameter's type, or null when the operator takes none. */
    public ValueType parameterType() {
        return parameterType;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AggregationOp byKeyword(String word) {
        for (AggregationOp op : values()) {
            if (op.keyword().equalsIgnoreCase(word)) {
                return op;
            }
        }
        return null;
    }
}
