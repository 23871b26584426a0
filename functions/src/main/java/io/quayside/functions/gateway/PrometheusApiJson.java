package io.quayside.functions.gateway;

import io.quayside.functions.promql.Series;
import io.quayside.functions.rules.eval.ActiveAlert;
import io.quayside.functions.rules.eval.AlertState;
import io.quayside.functions.promql.eval.Value;
import io.quayside.model.Sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query results in the JSON shape of Prometheus' HTTP API, so Grafana and promtool read them as from Prometheus. */
final class PrometheusApiJson {
    private PrometheusApiJson() {
    }

    /** @param timeMs the evaluation time, which scalars and strings are stamped with */
    static Map<String, Object> success(Value value, long timeMs, List<String> warnings, List<String> infos) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (value instanceof Value.Scalar scalar) {
            data.put("resultType", "scalar");
            data.put("result", point(timeMs, scalar.value()));
        } else if (value instanceof Value.Text text) {
            data.put("resultType", "string");
            data.put("result", List.of(seconds(timeMs), text.value()));
        } else if (value instanceof Value.InstantVector vector) {
            data.put("resultType", "vector");
            data.put("result", vector.samples().stream().map(PrometheusApiJson::instant).toList());
        } else if (value instanceof Value.RangeVector matrix) {
            data.put("resultType", "matrix");
            data.put("result", matrix.series().stream().map(PrometheusApiJson::range).toList());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("data", data);
        if (!warnings.isEmpty()) {
            body.put("warnings", warnings);
        }
        if (!infos.isEmpty()) {
            body.put("infos", infos);
        }
        return body;
    }

    static Map<String, Object> alerts(List<ActiveAlert> active) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (ActiveAlert alert : active) {
            if (alert.state() == AlertState.INACTIVE) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("labels", alert.labels().toMap());
            entry.put("annotations", alert.annotations());
            entry.put("state", alert.state().label());
            entry.put("activeAt", Instant.ofEpochMilli(alert.activeAtMs()).toString());
            entry.put("value", formatValue(alert.value()));
            alerts.add(entry);
        }
        return Map.of("status", "success", "data", Map.of("alerts", alerts));
    }

    static Map<String, Object> error(String errorType, String message) {
        return Map.of("status", "error", "errorType", errorType, "error", message);
    }

    private static Map<String, Object> instant(Sample sample) {
        return Map.of("metric", sample.labels().toMap(), "value", point(sample.timestampMs(), sample.value()));
    }

    private static Map<String, Object> range(Series series) {
        List<List<Object>> values = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            values.add(point(series.timestamps()[i], series.values()[i]));
        }
        return Map.of("metric", series.labels().toMap(), "values", values);
    }

    /** {@code [unix seconds, "value"]}, the seconds written plainly ({@code 1795246116.38}) as Prometheus writes them. */
    private static List<Object> point(long timeMs, double value) {
        return List.of(seconds(timeMs), formatValue(value));
    }

    private static BigDecimal seconds(long timeMs) {
        BigDecimal seconds = BigDecimal.valueOf(timeMs, 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds; // never 1.7E+9
    }

    /** Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}, which Prometheus uses for sample values. */
    static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
