package io.quayside.functions.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

/** The {@code forward} function over HTTP (alerts go to the log: no Alertmanager is configured here). */
@QuarkusTest
class ForwardHttpTest {
    @Inject
    ObjectMapper json;

    private static RequestSpecification local() {
        return given().auth().oauth2("test-token").contentType("application/json");
    }

    @Test
    void theTokensTenantsAlertsAreTakenAndAPayloadThatIsNotTenantAlertsIsRefusedSayingWhy() {
        local().body("{\"tenant\":\"local\",\"alerts\":[{\"labels\":{\"alertname\":\"ServiceBusy\"}}]}").post("/forward")
                .then().statusCode(200).body("batchItemFailures", empty());
        local().body("{\"tenant\":\"local\"}").post("/forward")
                .then().statusCode(400).body(containsString("the payload is not TenantAlerts JSON: no alerts array"));
        given().get("/q/metrics").then().body(containsString("quayside_rejected_total{input=\"alerts\",reason=\"malformed\"}"));
    }

    @Test
    void anSqsEventOverHttpHasOnlyTheTokensTenantsMessagesSent() throws Exception {
        local().body(json.writeValueAsString(AlertsEvent.firingNow(json))).post("/forward").then().statusCode(200)
                .body("batchItemFailures.itemIdentifier", contains("5f2c8a90-3e1b-47d6-9b04-e6a1d3c72f58", "a93d61f0-7b2e-4c85-8d19-2f6e0b4a5c37"));
        given().get("/q/metrics").then().body(containsString("quayside_rejected_total{input=\"alerts\",reason=\"forbidden\"}"));
    }
}
