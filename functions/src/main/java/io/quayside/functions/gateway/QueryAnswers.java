package io.quayside.functions.gateway;

import io.quayside.functions.evaluate.RuleEvaluation;
import io.quayside.functions.promql.PromqlEngine;
import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.store.SeriesWindows;

import java.time.Clock;
import java.util.Map;

/**
 * Prometheus' query API over a tenant's series windows ({@code query} and {@code query_range},
 * from a query string or a form body, and {@code alerts}), so that Grafana can use a tenant as a
 * Prometheus data source.
 */
public final class QueryAnswers {
    /** Prometheus refuses range queries with more points per series than this. */
    private static final long MAX_POINTS = 11_000;

    private final TenantGuard guard;
    private final SeriesWindows windows;
    private final RuleEvaluation rules;
    private final Clock clock;
    private final GatewayJson json;

    public QueryAnswers(TenantGuard guard, SeriesWindows windows, RuleEvaluation rules, Clock clock, GatewayJson json) {
        this.guard = guard;
        this.windows = windows;
        this.rules = rules;
        this.clock = clock;
        this.json = json;
    }

    /** The tenant's pending and firing alerts, as Prometheus' {@code /api/v1/alerts} lists them. */
    public GatewayAnswer alerts(String tenant, String authorization) {
        guard.authorize(authorization, tenant);
        return json.ok(PrometheusApiJson.alerts(rules.activeAlerts(tenant)));
    }

    public GatewayAnswer query(String tenant, String authorization, FormFields parameters) {
        guard.authorize(authorization, tenant);
        return answer(() -> {
            String time = parameters.first("time");
            long at = time == null || time.isBlank() ? clock.millis() : QueryTimes.parseTime(time, "time");
            PromqlEngine.Result result = engine(tenant).instantQuery(require(parameters.first("query")), at);
            return PrometheusApiJson.success(result.value(), at, result.warnings(), result.infos());
        });
    }

    public GatewayAnswer queryRange(String tenant, String authorization, FormFields parameters) {
        guard.authorize(authorization, tenant);
        return answer(() -> {
            long from = QueryTimes.parseTime(parameters.first("start"), "start");
            long to = QueryTimes.parseTime(parameters.first("end"), "end");
            long stepMs = QueryTimes.parseStep(parameters.first("step"));
            if (to < from) {
                throw new PromqlException("end timestamp must not be before start time");
            }
            if ((to - from) / stepMs > MAX_POINTS) {
                throw new PromqlException(
                        "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
            }
            PromqlEngine.Result result = engine(tenant).rangeQuery(require(parameters.first("query")), from, to, stepMs);
            return PrometheusApiJson.success(result.value(), to, result.warnings(), result.infos());
        });
    }

    private PromqlEngine engine(String tenant) {
        return new PromqlEngine(windows.source(tenant));
    }

    private static String require(String query) {
        if (query == null || query.isBlank()) {
            throw new PromqlException("missing parameter 'query'");
        }
        return query;
    }

    private interface Evaluation {
        Map<String, Object> run();
    }

    /** A query the engine refuses is the caller's error (400 bad_data), as in Prometheus. */
    private GatewayAnswer answer(Evaluation evaluation) {
        try {
            return json.ok(evaluation.run());
        } catch (PromqlException | IllegalArgumentException e) {
            return json.answer(400, PrometheusApiJson.error("bad_data", e.getMessage()));
        }
    }
}
