package io.quayside.functions.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quayside.functions.tenancy.TenantRegistry;
import io.quayside.model.exposition.ExpositionFormat;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.quayside.functions.lambda.LambdaInvocations.eventFile;
import static io.quayside.functions.lambda.LambdaInvocations.invoke;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** The {@code gateway} Lambda fed the API Gateway HTTP API (payload 2.0) requests of events/apigateway. */
@QuarkusTest
@TestProfile(GatewayLambdaTest.Export.class)
@Tag("lambda")
class GatewayLambdaTest {
    private static final String TOKEN = "test-token";

    public static class Export extends FunctionExport {
        @Override
        String function() {
            return "gateway";
        }
    }

    @Inject
    TenantRegistry tenants;

    /** The payloads carry the test profile's token; the Lambda bundle has no local tenant of its own. */
    @BeforeEach
    void tenantOfThePayloads() {
        if (tenants.tenantOf(TOKEN).isEmpty()) {
            tenants.register("local", TOKEN, Optional.of("events/apigateway"));
        }
    }

    @Test
    void aContainerRegisteredAndFedThroughTheGatewayIsScrapedAsOpenMetrics() {
        invoke(eventFile("apigateway/events-post.json")).statusCode(200).body("statusCode", equalTo(200));
        invoke(eventFile("apigateway/ingest-batch.json")).statusCode(200).body("statusCode", equalTo(200))
                .body("body", containsString("\"batchId\":\"host-1-000042\""));

        invoke(eventFile("apigateway/scrape-openmetrics.json")).statusCode(200)
                .body("statusCode", equalTo(200))
                .body("headers.Content-Type", equalTo(ExpositionFormat.OPENMETRICS.contentType()))
                .body("body", containsString("container_memory_usage_bytes{id=\"7c1d5e9a2b40\""))
                .body("body", endsWith("# EOF\n"));
    }

    @Test
    void aRequestWithoutItsTokenIsRefused() {
        String anonymous = eventFile("apigateway/sd.json").replace("Bearer " + TOKEN, "Bearer not-a-token");

        invoke(anonymous).statusCode(200).body("statusCode", equalTo(401))
                .body("body", containsString("unknown or revoked token"));
    }
}
