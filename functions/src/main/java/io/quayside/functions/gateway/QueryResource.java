package io.quayside.functions.gateway;

import io.quayside.functions.evaluate.RuleEvaluation;
import io.quayside.functions.promql.PromqlEngine;
import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.store.SeriesWindows;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.Map;

/**
 * Prometheus' query API over a tenant's series windows ({@code /v1/{tenant}/api/v1/query} and
 * {@code query_range}, GET or form POST, and {@code alerts}), so that Grafana can use a tenant as a
 * Prometheus data source.
 */
@Path("/v1/{tenant}/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class QueryResource {
    /** Prometheus refuses range queries with more points per series than this. */
    private static final long MAX_POINTS = 11_000;

    private final TenantGuard guard;
    private final SeriesWindows windows;
    private final RuleEvaluation rules;
    private final Clock clock;

    public QueryResource(TenantGuard guard, SeriesWindows windows, RuleEvaluation rules, Clock clock) {
        this.guard = guard;
        this.windows = windows;
        this.rules = rules;
        this.clock = clock;
    }

    /** The tenant's pending and firing alerts, as Prometheus' {@code /api/v1/alerts} lists them. */
    @GET
    @Path("alerts")
    public Map<String, Object> alerts(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.authorize(authorization, tenant);
        return PrometheusApiJson.alerts(rules.activeAlerts(tenant));
    }

    @GET
    @Path("query")
    public Response query(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @QueryParam("query") String query, @QueryParam("time") String time) {
        guard.authorize(authorization, tenant);
        return answer(() -> {
            long at = time == null || time.isBlank() ? clock.millis() : QueryTimes.parseTime(time, "time");
            PromqlEngine.Result result = engine(tenant).instantQuery(require(query), at);
            return PrometheusApiJson.success(result.value(), at, result.warnings(), result.infos());
        });
    }

    @POST
    @Path("query")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response queryForm(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @FormParam("query") String query, @FormParam("time") String time) {
        return query(tenant, authorization, query, time);
    }

    @GET
    @Path("query_range")
    public Response queryRange(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @QueryParam("query") String query, @QueryParam("start") String start,
                               @QueryParam("end") String end, @QueryParam("step") String step) {
        guard.authorize(authorization, tenant);
        return answer(() -> {
            long from = QueryTimes.parseTime(start, "start");
            long to = QueryTimes.parseTime(end, "end");
            long stepMs = QueryTimes.parseStep(step);
            if (to < from) {
                throw new PromqlException("end timestamp must not be before start time");
            }
            if ((to - from) / stepMs > MAX_POINTS) {
                throw new PromqlException("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
            }
            PromqlEngine.Result result = engine(tenant).rangeQuery(require(query), from, to, stepMs);
            return PrometheusApiJson.success(result.value(), to, result.warnings(), result.infos());
        });
    }

    @POST
    @Path("query_range")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response queryRangeForm(@PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @FormParam("query") String query, @FormParam("start") String start,
                                   @FormParam("end") String end, @FormParam("step") String step) {
        return queryRange(tenant, authorization, query, start, end, step);
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
    private static Response answer(Evaluation evaluation) {
        try {
            return Response.ok(evaluation.run()).build();
        } catch (PromqlException | IllegalArgumentException e) {
            return Response.status(400).entity(PrometheusApiJson.error("bad_data", e.getMessage())).build();
        }
    }
}
