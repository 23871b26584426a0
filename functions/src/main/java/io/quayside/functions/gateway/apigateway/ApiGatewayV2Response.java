package io.quayside.functions.gateway.apigateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quayside.functions.gateway.GatewayAnswer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The answer API Gateway's HTTP API expects from a Lambda proxy integration, payload format version 2.0. */
public record ApiGatewayV2Response(int statusCode, Map<String, String> headers, String body,
                                   @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

    /** Text goes as it is, so that logs and tests read it; anything else base64-encoded, as API Gateway requires. */
    public static ApiGatewayV2Response of(GatewayAnswer answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", answer.contentType());
        headers.putAll(answer.headers());
        boolean text = textual(answer.contentType());
        String body = text ? new String(answer.body(), StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(answer.body());
        return new ApiGatewayV2Response(answer.status(), headers, body, !text);
    }

    private static boolean textual(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("charset=utf-8");
    }

    /** The body's bytes, whichever way it was sent. */
    public byte[] bodyBytes() {
        return isBase64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
