package io.quayside.functions.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the gateway answers to one request, whoever carried it (Quarkus REST, an API Gateway event):
 * each carrier copies status, Content-Type, headers and body as they are, so that both say the same.
 *
 * @param headers besides Content-Type, e.g. {@code Retry-After}
 * @param body    the exact bytes to send (compared by identity, as record arrays are: compare {@link #bodyText()})
 */
public record GatewayAnswer(int status, String contentType, Map<String, String> headers, byte[] body) {
    public static final String TEXT = "text/plain;charset=UTF-8";
    public static final String JSON = "application/json;charset=UTF-8";

    public GatewayAnswer {
        headers = Map.copyOf(headers);
    }

    public static GatewayAnswer text(int status, String contentType, String body) {
        return new GatewayAnswer(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public GatewayAnswer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new GatewayAnswer(status, contentType, more, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
