package io.quayside.functions.gateway.apigateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.functions.gateway.FormFields;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;

/** API Gateway v2 events from {@code events/apigateway/}, made up, and replayed over HTTP byte for byte. */
final class ApiGatewayEvents {
    static final Path FOLDER = Path.of(System.getProperty("quayside.repo.dir"), "events", "apigateway");
    /** Set by the HTTP client from the body, or dropped by API Gateway. */
    private static final Set<String> NOT_REPLAYED = Set.of("content-length", "accept-encoding");

    /** What came back, whichever way the request went. */
    record Answer(int status, String contentType, String retryAfter, String allow, String body) {
        static Answer of(ApiGatewayV2Response response) {
            return new Answer(response.statusCode(), response.headers().get("Content-Type"), response.headers().get("Retry-After"),
                    response.headers().get("Allow"), new String(response.bodyBytes(), StandardCharsets.UTF_8));
        }

        static Answer of(Response response) {
            return new Answer(response.statusCode(), response.contentType(), response.header("Retry-After"), response.header("Allow"),
                    response.asString());
        }
    }

    private ApiGatewayEvents() {
    }

    static ApiGatewayV2Request load(ObjectMapper json, String name) {
        try {
            return json.readValue(FOLDER.resolve(name).toFile(), ApiGatewayV2Request.class);
        } catch (IOException e) {
            throw new AssertionError("cannot read events/apigateway/" + name, e);
        }
    }

    /** A request as API Gateway would send it to the {@code $default} route, header names lower-cased. */
    static ApiGatewayV2Request request(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {
        Map<String, String> lowerCased = new LinkedHashMap<>();
        headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
        var http = new ApiGatewayV2Request.Http(method, path, "HTTP/1.1", "203.0.113.17", "test");
        var context = new ApiGatewayV2Request.RequestContext("123456789012", "r8k2x4m1qd", "r8k2x4m1qd.execute-api.eu-west-1.amazonaws.com",
                "r8k2x4m1qd", http, "test-request", "$default", "$default", null, System.currentTimeMillis());
        return new ApiGatewayV2Request("2.0", "$default", path, rawQuery, null, lowerCased, null, context,
                body == null ? null : Base64.getEncoder().encodeToString(body), body != null, null, null);
    }

    static ApiGatewayV2Request withHeader(ApiGatewayV2Request event, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(event.headers());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return new ApiGatewayV2Request(event.version(), event.routeKey(), event.rawPath(), event.rawQueryString(), event.cookies(),
                headers, event.queryStringParameters(), event.requestContext(), event.body(), event.isBase64Encoded(),
                event.pathParameters(), event.stageVariables());
    }

    /** The same request over HTTP: method, raw path and query, headers (Host included) and body bytes. */
    static Answer overHttp(ApiGatewayV2Request event) {
        RequestSpecification request = given().urlEncodingEnabled(false)
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        event.headers().forEach((name, value) -> {
            if (!NOT_REPLAYED.contains(name)) {
                request.header(name, value);
            }
        });
        if (event.body() != null && String.valueOf(event.header("content-type")).startsWith(FormFields.FORM)) {
            request.body(new String(event.bodyBytes(), StandardCharsets.UTF_8)); // RestAssured takes forms as text only
        } else if (event.body() != null) {
            request.body(event.bodyBytes());
        }
        String query = event.rawQueryString() == null || event.rawQueryString().isEmpty() ? "" : "?" + event.rawQueryString();
        return Answer.of(request.request(event.requestContext().http().method(), event.rawPath() + query));
    }
}
