package io.quayside.functions.promql.script;

import io.quayside.model.Labels;

import java.util.List;
import java.util.Map;

/**
 * One {@code eval} of a script with what it expects. For an instant query {@code endMs == startMs}
 * and {@code stepMs == 0}; {@code expected} maps each series to its points (null = no sample).
 */
public record EvalCase(String file, int line, String expr, boolean range, long startMs, long endMs, long stepMs,
                Dataset dataset, Expectations expectations, Map<Labels, List<Double>> expected, Double expectedScalar,
                boolean expectsHistogram) {

    public String id() {
        return file + ":" + line;
    }

    public String displayName() {
        return id() + " " + expr;
    }
}
