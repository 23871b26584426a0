package io.quayside.functions.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quayside.functions.tenancy.RateLimit;
import io.quayside.functions.tenancy.TenantRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** A tenant over its limit gets 429 with Retry-After; other tenants, and callers without its token, are unaffected. */
@QuarkusTest
class RateLimitHttpTest {
    @Inject
    TenantRegistry registry;

    @Test
    void aTenantOverItsLimitWaitsAndOthersDoNot() {
        // One request per 100 s: the second is refused however slow the machine is.
        String slow = registry.issue("slow", Optional.of(new RateLimit(0.01, 1)), Optional.empty()).token();
        String busy = registry.issue("busy", Optional.empty(), Optional.empty()).token();

        given().header("Authorization", "Bearer " + slow).get("/v1/slow/metrics").then().statusCode(200);
        given().header("Authorization", "Bearer " + slow).get("/v1/slow/api/v1/alerts").then().statusCode(429)
                .header("Retry-After", "100").body(containsString("rate limit"));
        for (int i = 0; i < 20; i++) {
            given().header("Authorization", "Bearer " + busy).get("/v1/busy/metrics").then().statusCode(200);
        }

        // Authorization comes first: no token, an unknown tenant or another tenant's token is not a 429.
        given().get("/v1/slow/metrics").then().statusCode(401);
        given().header("Authorization", "Bearer " + busy).get("/v1/nobody/metrics").then().statusCode(404);
        given().header("Authorization", "Bearer " + busy).get("/v1/slow/metrics").then().statusCode(403);

        given().get("/q/metrics").then().body(containsString("quayside_gateway_rate_limited_total{tenant=\"slow\"}"))
                .body(containsString("quayside_gateway_refused_total{status=\"429\"}"));
    }
}
