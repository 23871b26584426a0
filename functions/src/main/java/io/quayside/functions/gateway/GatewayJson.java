package io.quayside.functions.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;

/**
 * JSON bodies written with the application's one ObjectMapper, so that an answer has the same bytes
 * over HTTP and through the function.
 */
public final class GatewayJson {
    private final ObjectMapper mapper;

    public GatewayJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public GatewayAnswer answer(int status, Object value) {
        try {
            return new GatewayAnswer(status, GatewayAnswer.JSON, Map.of(), mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public GatewayAnswer ok(Object value) {
        return answer(200, value);
    }

    public JsonNode read(byte[] body) throws IOException {
        return mapper.readTree(body);
    }
}
