package io.quayside.functions.gateway.apigateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quayside.functions.gateway.apigateway.ApiGatewayEvents.Answer;
import io.quayside.functions.tenancy.RateLimit;
import io.quayside.functions.tenancy.TenantRegistry;
import io.quayside.model.exposition.ExpositionFormat;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.quayside.functions.gateway.apigateway.ApiGatewayEvents.load;
import static io.quayside.functions.gateway.apigateway.ApiGatewayEvents.overHttp;
import static io.quayside.functions.gateway.apigateway.ApiGatewayEvents.request;
import static io.quayside.functions.gateway.apigateway.ApiGatewayEvents.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code gateway} function against the HTTP gateway on the same runtime: each request of
 * {@code events/apigateway/}, and refusals made from them, answer with the same status, Content-Type
 * and body both ways.
 */
@QuarkusTest
class GatewayFunctionTest {
    private static final String CONTAINER = "7c1d5e9a2b40";

    @Inject
    GatewayFunction function;
    @Inject
    ObjectMapper json;
    @Inject
    TenantRegistry tenants;

    private Answer call(ApiGatewayV2Request event) {
        return Answer.of(function.gateway(event));
    }

    /** The function's answer, after checking that HTTP answers the same. */
    private Answer sameBothWays(ApiGatewayV2Request event) {
        Answer viaFunction = call(event);
        assertThat(overHttp(event)).as("%s %s over HTTP", event.requestContext().http().method(), event.rawPath())
                .isEqualTo(viaFunction);
        return viaFunction;
    }

    private void registerAndIngest() {
        assertThat(call(load(json, "events-post.json")).status()).isEqualTo(200);
        Answer ingested = call(load(json, "ingest-batch.json"));
        assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
    }

    @Test
    void aBase64BatchIsIngestedAndARepeatAnswersAlikeBothWays() throws Exception {
        assertThat(call(load(json, "events-post.json")).body()).contains("\"containerId\":\"" + CONTAINER + "\"");
        ApiGatewayV2Request batch = load(json, "ingest-batch.json");
        assertThat(batch.isBase64Encoded()).isTrue();

        Answer first = call(batch);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(json.readTree(first.body()).path("batchId").asText()).isEqualTo("host-1-000042");
        assertThat(json.readTree(first.body()).path("containers").asInt()).isEqualTo(1);
        sameBothWays(batch);
    }

    @Test
    void scrapeWithOpenMetricsAcceptAnswersAsOverHttp() {
        registerAndIngest();
        Answer scrape = sameBothWays(load(json, "scrape-openmetrics.json"));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).isEqualTo(ExpositionFormat.OPENMETRICS.contentType());
        assertThat(scrape.body()).contains("container_memory_usage_bytes{id=\"" + CONTAINER + "\",image=\"busybox:demo\",name=\"api\"")
                .endsWith("# EOF\n");
    }

    @Test
    void serviceDiscoveryNamesTheHostTheRequestWasSentTo() throws Exception {
        registerAndIngest();
        Answer sd = sameBothWays(load(json, "sd.json"));
        assertThat(sd.contentType()).startsWith("application/json");
        var group = json.readTree(sd.body()).findParents("labels").stream()
                .filter(node -> node.path("labels").path("container_id").asText().equals(CONTAINER)).findFirst().orElseThrow();
        assertThat(group.path("targets").get(0).asText()).isEqualTo("r8k2x4m1qd.execute-api.eu-west-1.amazonaws.com");
        assertThat(group.path("labels").path("__metrics_path__").asText()).isEqualTo("/v1/local/containers/" + CONTAINER + "/metrics");
    }

    @Test
    void federationReadsEveryMatchFromTheRawQueryString() {
        registerAndIngest();
        ApiGatewayV2Request federate = load(json, "federate.json");
        assertThat(federate.queryStringParameters().get("match[]")).as("API Gateway's own, comma-joined").contains("},container");
        Answer answer = sameBothWays(federate);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("container_cpu_usage_seconds_total{id=\"" + CONTAINER + "\"")
                .contains("container_memory_usage_bytes{id=\"" + CONTAINER + "\"");
    }

    @Test
    void grafanasBase64FormQueryAnswersAsOverHttp() {
        registerAndIngest();
        Answer query = sameBothWays(load(json, "query-form-post.json"));
        assertThat(query.status()).as(query.body()).isEqualTo(200);
        assertThat(query.body()).contains("\"resultType\":\"vector\"").contains("[1795242840,\"7340032\"]");
    }

    @Test
    void refusalsAnswerAsOverHttp() {
        ApiGatewayV2Request scrape = load(json, "scrape-openmetrics.json");
        assertThat(sameBothWays(withHeader(scrape, "authorization", null)).status()).isEqualTo(401);
        assertThat(sameBothWays(withHeader(scrape, "authorization", "Bearer wrong")).status()).isEqualTo(401);
        assertThat(sameBothWays(request("GET", "/v1/nobody/sd", "", Map.of("Authorization", "Bearer test-token"), null)).body())
                .contains("unknown tenant 'nobody'");
        assertThat(sameBothWays(request("GET", "/v1/local/containers/none/metrics", "", Map.of("Authorization", "Bearer test-token"), null))
                .body()).contains("unknown container 'none'");
        assertThat(sameBothWays(request("GET", "/v1/local/federate", "match%5B%5D=rate(up%5B5m%5D)",
                Map.of("Authorization", "Bearer test-token"), null)).body()).contains("expected a series selector");
        assertThat(sameBothWays(request("POST", "/v1/ingest", "", Map.of("Authorization", "Bearer test-token",
                "Content-Type", "application/vnd.quayside.batch"), "hello".getBytes())).body()).contains("invalid batch");
        assertThat(sameBothWays(request("POST", "/v1/local/api/v1/query", "", Map.of("Authorization", "Bearer test-token",
                "Content-Type", "application/json"), "{}".getBytes())).status()).isEqualTo(415);
        assertThat(sameBothWays(request("GET", "/v1/local/api/v1/query", "query=sum(", Map.of("Authorization", "Bearer test-token"),
                null)).body()).contains("\"errorType\":\"bad_data\"");
    }

    @Test
    void aTenantOverItsLimitGetsRetryAfterBothWays() {
        // One request per 100 s: the second is refused however slow the machine is.
        String slow = tenants.issue("slow-fn", Optional.of(new RateLimit(0.01, 1)), Optional.empty()).token();
        ApiGatewayV2Request alerts = request("GET", "/v1/slow-fn/api/v1/alerts", "", Map.of("Authorization", "Bearer " + slow), null);
        assertThat(call(alerts).status()).isEqualTo(200);

        Answer refused = sameBothWays(alerts);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.retryAfter()).isEqualTo("100");
        assertThat(refused.body()).contains("rate limit");
    }

    @Test
    void unknownRoutesAndMethodsAreRefusedClearly() {
        Answer unknown = call(request("GET", "/v1/local/nothing", "", Map.of(), null));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("no route for GET /v1/local/nothing").contains("/v1/{tenant}/metrics");

        Answer wrongMethod = call(request("GET", "/v1/ingest", "", Map.of(), null));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.allow()).isEqualTo("POST");
        assertThat(wrongMethod.body()).contains("GET /v1/ingest is not served; this path takes POST");

        assertThat(call(request("DELETE", "/v1/local/api/v1/query", "", Map.of(), null)).allow()).isEqualTo("GET, POST");

        ApiGatewayV2Request batch = load(json, "ingest-batch.json");
        Answer notBase64 = call(new ApiGatewayV2Request(batch.version(), batch.routeKey(), batch.rawPath(), batch.rawQueryString(), null,
                batch.headers(), null, batch.requestContext(), "%%% not base64", true, null, null));
        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(notBase64.body()).contains("not base64");
    }

    @Test
    void aNamedStagesPrefixIsNotPartOfTheRoute() {
        ApiGatewayV2Request health = request("GET", "/prod/healthz", "", Map.of(), null);
        var context = health.requestContext();
        var staged = new ApiGatewayV2Request(health.version(), health.routeKey(), health.rawPath(), "", null, health.headers(), null,
                new ApiGatewayV2Request.RequestContext(context.accountId(), context.apiId(), context.domainName(), context.domainPrefix(),
                        context.http(), context.requestId(), context.routeKey(), "prod", context.time(), context.timeEpoch()),
                null, false, null, null);
        assertThat(call(staged)).isEqualTo(overHttp(request("GET", "/healthz", "", Map.of(), null)));
    }
}
