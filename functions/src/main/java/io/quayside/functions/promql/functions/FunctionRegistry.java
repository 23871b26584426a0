package io.quayside.functions.promql.functions;

import java.util.HashMap;
import java.util.Map;

/** Implementations by name; each family registers its own. */
public final class FunctionRegistry {
    private static final Map<String, PromqlFunction> FUNCTIONS = new HashMap<>();

    static {
        MathFunctions.register(FUNCTIONS);
        OverTimeFunctions.register(FUNCTIONS);
        RateFunctions.register(FUNCTIONS);
        RegressionFunctions.register(FUNCTIONS);
        LabelFunctions.register(FUNCTIONS);
        SortFunctions.register(FUNCTIONS);
        DateFunctions.register(FUNCTIONS);
        AbsentFunctions.register(FUNCTIONS);
        QueryTimeFunctions.register(FUNCTIONS);
        FUNCTIONS.put("histogram_quantile", new HistogramQuantile());
    }

    private FunctionRegistry() {
    }

    /** @throws UnsupportedOperationException for functions the parser knows but the engine does not implement */
    public static PromqlFunction lookup(String name) {
        PromqlFunction function = FUNCTIONS.get(name);
        if (function == null) {
            throw new UnsupportedOperationException("function " + name + " is not supported");
        }
        return function;
    }

    public static boolean isSupported(String name) {
        return FUNCTIONS.containsKey(name);
    }
}
