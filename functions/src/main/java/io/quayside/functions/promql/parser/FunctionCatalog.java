package io.quayside.functions.promql.parser;

import io.quayside.functions.promql.ast.FunctionSignature;
import io.quayside.functions.promql.ast.ValueType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.quayside.functions.promql.ast.ValueType.MATRIX;
import static io.quayside.functions.promql.ast.ValueType.SCALAR;
import static io.quayside.functions.promql.ast.ValueType.STRING;
import static io.quayside.functions.promql.ast.ValueType.VECTOR;

/** The signatures of every function the parser knows, as Prometheus declares them. */
public final class FunctionCatalog {
    private static final Map<String, FunctionSignature> SIGNATURES = new HashMap<>();

    static {
        for (String name : List.of("abs", "ceil", "floor", "exp", "ln", "log2", "log10", "sqrt", "sgn", "sin", "cos",
                "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "deg", "rad",
                "absent", "timestamp", "sort", "sort_desc", "histogram_count", "histogram_sum", "histogram_avg",
                "histogram_stddev", "histogram_stdvar")) {
            add(name, VECTOR, 0, VECTOR);
        }
        for (String name : List.of("avg_over_time", "min_over_time", "max_over_time", "sum_over_time",
                "count_over_time", "stddev_over_time", "stdvar_over_time", "last_over_time", "first_over_time",
                "present_over_time", "absent_over_time", "mad_over_time", "ts_of_last_over_time",
                "ts_of_first_over_time", "ts_of_min_over_time", "ts_of_max_over_time", "changes", "resets", "delta",
                "deriv", "idelta", "increase", "irate", "rate")) {
            add(name, VECTOR, 0, MATRIX);
        }
        for (String name : List.of("day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute",
                "month", "year")) {
            add(name, VECTOR, 1, VECTOR);
        }
        for (String name : List.of("pi", "time", "step", "range", "start", "end")) {
            add(name, SCALAR, 0);
        }
        add("min_of", SCALAR, 0, SCALAR, SCALAR);
        add("max_of", SCALAR, 0, SCALAR, SCALAR);
        add("quantile_over_time", VECTOR, 0, SCALAR, MATRIX);
        add("predict_linear", VECTOR, 0, MATRIX, SCALAR);
        add("double_exponential_smoothing", VECTOR, 0, MATRIX, SCALAR, SCALAR);
        add("clamp", VECTOR, 0, VECTOR, SCALAR, SCALAR);
        add("clamp_min", VECTOR, 0, VECTOR, SCALAR);
        add("clamp_max", VECTOR, 0, VECTOR, SCALAR);
        add("round", VECTOR, 1, VECTOR, SCALAR);
        add("histogram_quantile", VECTOR, 0, SCALAR, VECTOR);
        add("histogram_fraction", VECTOR, 0, SCALAR, SCALAR, VECTOR);
        add("label_replace", VECTOR, 0, VECTOR, STRING, STRING, STRING, STRING);
        add("label_join", VECTOR, -1, VECTOR, STRING, STRING, STRING);
        add("sort_by_label", VECTOR, -1, VECTOR, STRING);
        add("sort_by_label_desc", VECTOR, -1, VECTOR, STRING);
        add("scalar", SCALAR, 0, VECTOR);
        add("vector", VECTOR, 0, SCALAR);
    }

    private FunctionCatalog() {
    }

    private static void add(String name, ValueType returnType, int optional, ValueType... args) {
        SIGNATURES.put(name, new FunctionSignature(name, List.of(args), optional, returnType));
    }

    /** The signature, or null for an unknown name. */
    public static FunctionSignature lookup(String name) {
        return SIGNATURES.get(name);
    }
}
