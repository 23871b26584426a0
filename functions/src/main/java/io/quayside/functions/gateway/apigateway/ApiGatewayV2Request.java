package io.quayside.functions.gateway.apigateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quayside.functions.gateway.GatewayException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The event API Gateway's HTTP API sends a Lambda proxy integration, payload format version 2.0.
 * Header names arrive lower-cased, repeated headers joined by commas; {@code queryStringParameters}
 * joins repeated parameters the same way, so the gateway reads {@code rawQueryString} instead.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiGatewayV2Request(String version, String routeKey, String rawPath, String rawQueryString,
                                  List<String> cookies, Map<String, String> headers,
                                  Map<String, String> queryStringParameters, RequestContext requestContext,
                                  String body, @JsonProperty("isBase64Encoded") boolean isBase64Encoded,
                                  Map<String, String> pathParameters, Map<String, String> stageVariables) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(String accountId, String apiId, String domainName, String domainPrefix, Http http,
                                 String requestId, String routeKey, String stage, String time, long timeEpoch) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Http(String method, String path, String protocol, String sourceIp, String userAgent) {
    }

    /** A header's value whatever the case of its name, or null. */
    public String header(String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The body as sent: API Gateway base64-encodes binary bodies such as encoded sample batches. */
    public byte[] bodyBytes() {
        if (body == null) {
            return new byte[0];
        }
        if (!isBase64Encoded) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(400, "the body is marked isBase64Encoded but is not base64: " + e.getMessage());
        }
    }

    public String method() {
        return requestContext == null || requestContext.http() == null ? null : requestContext.http().method();
    }
}
