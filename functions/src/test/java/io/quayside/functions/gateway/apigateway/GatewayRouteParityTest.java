package io.quayside.functions.gateway.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quayside.functions.gateway.ScrapeResource;
import io.quayside.functions.gateway.apigateway.ApiGatewayEvents.Answer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.quayside.functions.gateway.apigateway.ApiGatewayEvents.FOLDER;
import static io.quayside.functions.gateway.apigateway.ApiGatewayEvents.overHttp;
import static io.quayside.functions.gateway.apigateway.ApiGatewayEvents.request;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** No route is served one way only, and the function's JSON is the v2 event and response shape. */
@QuarkusTest
class GatewayRouteParityTest {
    @Inject
    GatewayFunction function;
    @Inject
    ObjectMapper json;

    private record HttpRoute(String method, String path) {
    }

    /** Every resource method of the gateway package, found from the compiled classes so that a new one is not missed. */
    private static List<HttpRoute> jaxRsRoutes() throws Exception {
        java.nio.file.Path classes = Paths.get(ScrapeResource.class.getResource(ScrapeResource.class.getSimpleName() + ".class").toURI()).getParent();
        List<HttpRoute> routes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(classes)) {
            for (java.nio.file.Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                Class<?> type = Class.forName(ScrapeResource.class.getPackageName() + "." + file.getFileName().toString().replace(".class", ""));
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST" : null;
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        routes.add(new HttpRoute(verb, base.value() + (sub == null ? "" : "/" + sub.value())));
                    }
                }
            }
        }
        return routes;
    }

    @Test
    void everyHttpRouteAnswersTheSameThroughTheFunction() throws Exception {
        List<HttpRoute> routes = jaxRsRoutes();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(13);
        for (HttpRoute route : routes) {
            String path = route.path().replace("{tenant}", "local").replace("{id}", "c1");
            // Without a token: every route must exist and refuse alike (the same body, so that none waits for one).
            ApiGatewayV2Request event = request(route.method(), path, "", Map.of("Accept", "*/*", "Content-Type", "text/plain"),
                    route.method().equals("POST") ? "x".getBytes() : null);
            Answer viaFunction = Answer.of(function.gateway(event));
            assertThat(viaFunction.status()).as("%s through the function", route).isNotIn(404, 405);
            assertThat(overHttp(event)).as("%s over HTTP", route).isEqualTo(viaFunction);
        }
    }

    @Test
    void funqyReadsTheV2EventAndWritesTheV2Response() throws Exception {
        byte[] event = Files.readAllBytes(FOLDER.resolve("sd.json"));
        String response = given().contentType("application/json").body(event).post("/gateway").then().statusCode(200)
                .extract().asString();
        JsonNode answer = json.readTree(response);
        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.path("headers").path("Content-Type").asText()).startsWith("application/json");
        assertThat(answer.path("isBase64Encoded").isBoolean()).isTrue();
        assertThat(answer.has("base64Encoded")).as("one name for the flag").isFalse();
        assertThat(json.readTree(answer.path("body").asText()).isArray()).isTrue();

        ApiGatewayV2Request batch = json.readValue(FOLDER.resolve("ingest-batch.json").toFile(), ApiGatewayV2Request.class);
        assertThat(batch.isBase64Encoded()).isTrue();
        assertThat(batch.bodyBytes()).startsWith('Q', 'S', 'B');
        assertThat(batch.requestContext().http().method()).isEqualTo("POST");
        assertThat(batch.header("Content-Type")).isEqualTo("application/vnd.quayside.batch");
    }
}
