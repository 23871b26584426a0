package io.quayside.functions.gateway.apigateway;

import io.quayside.functions.gateway.FormFields;
import io.quayside.functions.gateway.GatewayAnswer;
import io.quayside.functions.gateway.GatewayException;
import io.quayside.functions.gateway.IntakeAnswers;
import io.quayside.functions.gateway.Liveness;
import io.quayside.functions.gateway.QueryAnswers;
import io.quayside.functions.gateway.RateLimitExceeded;
import io.quayside.functions.gateway.Refusals;
import io.quayside.functions.gateway.ScrapeAnswers;
import io.quayside.functions.gateway.TenantAdmission;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gateway's routes for API Gateway events, the same as Quarkus REST serves them and answered by
 * the same classes: a {@code /v1/{tenant}/...} request is admitted (token, then rate limit) before
 * its route runs, as the HTTP filter does.
 */
public final class ApiGatewayRoutes {
    private static final Logger LOG = Logger.getLogger(ApiGatewayRoutes.class.getName());
    private static final String TENANT = "tenant";
    private static final String AUTHORIZATION = "Authorization";

    private interface Handler {
        GatewayAnswer answer(Call call);
    }

    private record Route(String method, RouteTemplate template, Handler handler) {
    }

    /** One request matched to a route: its path parameters and what it carries. */
    private record Call(ApiGatewayV2Request request, Map<String, String> path) {
        String tenant() {
            return path.get(TENANT);
        }

        String authorization() {
            return request.header(AUTHORIZATION);
        }

        String accept() {
            return request.header("Accept");
        }

        FormFields query() {
            return FormFields.parse(request.rawQueryString());
        }

        FormFields form() {
            return FormFields.ofBody(request.header("Content-Type"), request.bodyBytes());
        }

        /** Where the request was sent, as Prometheus should reach this gateway again. */
        String host() {
            String host = request.header("Host");
            return host != null || request.requestContext() == null ? host : request.requestContext().domainName();
        }
    }

    private final TenantAdmission admission;
    private final Refusals refusals;
    private final List<Route> routes;

    public ApiGatewayRoutes(TenantAdmission admission, Refusals refusals, ScrapeAnswers scrape, QueryAnswers queries,
                            IntakeAnswers intake) {
        this.admission = admission;
        this.refusals = refusals;
        this.routes = List.of(
                route("GET", "/healthz", call -> Liveness.answer()),
                route("GET", "/v1/{tenant}/metrics", call -> scrape.tenantMetrics(call.tenant(), call.authorization(), call.accept())),
                route("GET", "/v1/{tenant}/containers/{id}/metrics",
                        call -> scrape.containerMetrics(call.tenant(), call.path().get("id"), call.authorization(), call.accept())),
                route("GET", "/v1/{tenant}/federate",
                        call -> scrape.federate(call.tenant(), call.authorization(), call.accept(), call.query().all("match[]"))),
                route("GET", "/v1/{tenant}/sd", call -> scrape.serviceDiscovery(call.tenant(), call.authorization(), call.host())),
                route("GET", "/v1/{tenant}/lld", call -> scrape.lowLevelDiscovery(call.tenant(), call.authorization())),
                route("GET", "/v1/{tenant}/api/v1/alerts", call -> queries.alerts(call.tenant(), call.authorization())),
                route("GET", "/v1/{tenant}/api/v1/query", call -> queries.query(call.tenant(), call.authorization(), call.query())),
                route("POST", "/v1/{tenant}/api/v1/query", call -> queries.query(call.tenant(), call.authorization(), call.form())),
                route("GET", "/v1/{tenant}/api/v1/query_range",
                        call -> queries.queryRange(call.tenant(), call.authorization(), call.query())),
                route("POST", "/v1/{tenant}/api/v1/query_range",
                        call -> queries.queryRange(call.tenant(), call.authorization(), call.form())),
                route("POST", "/v1/ingest", call -> intake.ingest(call.authorization(), call.request().bodyBytes())),
                route("POST", "/v1/events", call -> intake.events(call.authorization(), call.request().bodyBytes())));
    }

    private static Route route(String method, String template, Handler handler) {
        return new Route(method, RouteTemplate.of(template), handler);
    }

    /** Never throws: every refusal and failure is an answer, as over HTTP. */
    public GatewayAnswer answer(ApiGatewayV2Request request) {
        try {
            return dispatch(request);
        } catch (GatewayException refusal) {
            return refusals.refuse(refusal);
        } catch (RateLimitExceeded refusal) {
            return refusals.overLimit(refusal);
        } catch (RuntimeException e) {
            String id = request.requestContext() == null ? "?" : request.requestContext().requestId();
            LOG.log(Level.SEVERE, "gateway request " + id + " failed", e);
            return refusals.refuse(new GatewayException(500, "internal error; the function's log has request " + id));
        }
    }

    private GatewayAnswer dispatch(ApiGatewayV2Request request) {
        String method = request.method();
        List<String> path = segments(request);
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.template().match(path);
            if (parameters.isEmpty()) {
                continue;
            }
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                continue;
            }
            String tenant = parameters.get().get(TENANT);
            if (tenant != null) {
                admission.admit(request.header(AUTHORIZATION), tenant);
            }
            return route.handler().answer(new Call(request, parameters.get()));
        }
        String shown = method + " " + request.rawPath();
        if (!allowed.isEmpty()) {
            return refusals.refuse(new GatewayException(405, shown + " is not served; this path takes " + String.join(", ", allowed)))
                    .withHeader("Allow", String.join(", ", allowed));
        }
        throw new GatewayException(404, "no route for " + shown + "; the gateway serves " + servedPaths());
    }

    private String servedPaths() {
        return String.join(", ", new TreeSet<>(routes.stream().map(route -> route.template().text()).toList()));
    }

    /**
     * The request's path segments, percent-decoded, without the stage name that a named stage puts
     * in front ({@code $default} puts none).
     */
    private static List<String> segments(ApiGatewayV2Request request) {
        String path = request.rawPath() == null ? "/" : request.rawPath();
        String stage = request.requestContext() == null ? null : request.requestContext().stage();
        if (stage != null && !stage.equals("$default") && path.startsWith("/" + stage + "/")) {
            path = path.substring(stage.length() + 1);
        }
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(trimmed.split("/", -1)).map(ApiGatewayRoutes::decode).toList();
    }

    /** Percent-decoding of a path segment, where a '+' is itself. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(400, "malformed path segment \"" + segment + "\": " + e.getMessage());
        }
    }
}
