package io.quayside.functions.promql.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Warnings and infos a query produced, each once, in Prometheus' wording. */
public final class Annotations {
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> infos = new LinkedHashSet<>();

    public void warn(String message) {
        warnings.add("PromQL warning: " + message);
    }

    public void info(String message) {
        infos.add("PromQL info: " + message);
    }

    /** A quantile outside [0, 1] still answers (with an infinity), but Prometheus warns. */
    public void checkQuantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            warn("quantile value should be between 0 and 1, got " + GoFormat.g(q));
        }
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public List<String> infos() {
        return List.copyOf(infos);
    }
}
