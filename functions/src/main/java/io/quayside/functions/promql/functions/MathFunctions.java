package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.eval.Value;

import java.util.List;
import java.util.Map;

import static io.quayside.functions.promql.functions.PerSeries.eachSample;

/** Functions of one sample's value: arithmetic, trigonometry, clamping, rounding. */
final class MathFunctions {
    private MathFunctions() {
    }

    static void register(Map<String, PromqlFunction> functions) {
        functions.put("abs", eachSample(Math::abs));
        functions.put("ceil", eachSample(Math::ceil));
        functions.put("floor", eachSample(Math::floor));
        functions.put("exp", eachSample(Math::exp));
        functions.put("sqrt", eachSample(Math::sqrt));
        functions.put("ln", eachSample(Math::log));
        functions.put("log2", eachSample(v -> Math.log(v) / Math.log(2)));
        functions.put("log10", eachSample(Math::log10));
        functions.put("sgn", eachSample(Math::signum));
        functions.put("sin", eachSample(Math::sin));
        functions.put("cos", eachSample(Math::cos));
        functions.put("tan", eachSample(Math::tan));
        functions.put("asin", eachSample(Math::asin));
        functions.put("acos", eachSample(Math::acos));
        functions.put("atan", eachSample(Math::atan));
        functions.put("sinh", eachSample(Math::sinh));
        functions.put("cosh", eachSample(Math::cosh));
        functions.put("tanh", eachSample(Math::tanh));
        functions.put("asinh", eachSample(MathFunctions::asinh));
        functions.put("acosh", eachSample(v -> Math.log(v + Math.sqrt(v * v - 1))));
        functions.put("atanh", eachSample(v -> 0.5 * Math.log((1 + v) / (1 - v))));
        functions.put("deg", eachSample(v -> v * 180 / Math.PI));
        functions.put("rad", eachSample(v -> v * Math.PI / 180));
        functions.put("pi", call -> new Value.Scalar(Math.PI));
        PromqlFunction clamp = eachSample((v, call) -> Math.max(call.scalar(1), Math.min(call.scalar(2), v)));
        // An empty range (max below min) selects nothing rather than clamping.
        functions.put("clamp", call -> call.scalar(2) < call.scalar(1) ? new Value.InstantVector(List.of()) : clamp.apply(call));
        functions.put("clamp_min", eachSample((v, call) -> Math.max(call.scalar(1), v)));
        functions.put("clamp_max", eachSample((v, call) -> Math.min(call.scalar(1), v)));
        functions.put("round", eachSample(MathFunctions::round));
        functions.put("min_of", call -> new Value.Scalar(Math.min(call.scalar(0), call.scalar(1))));
        functions.put("max_of", call -> new Value.Scalar(Math.max(call.scalar(0), call.scalar(1))));
    }

    private static double asinh(double v) {
        if (Double.isInfinite(v)) {
            return v;
        }
        return Math.signum(v) * Math.log(Math.abs(v) + Math.sqrt(v * v + 1));
    }

    /** Rounds half up to the nearest multiple of the optional second argument, as Prometheus. */
    private static double round(double v, FunctionCall call) {
        double toNearest = call.argCount() > 1 ? call.scalar(1) : 1;
        double inverse = 1 / toNearest;
        return Math.floor(v * inverse + 0.5) / inverse;
    }
}
