package io.quayside.functions.gateway.apigateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A path such as {@code /v1/{tenant}/sd}, where each {@code {name}} stands for exactly one segment. */
record RouteTemplate(String text, List<String> segments) {
    static RouteTemplate of(String text) {
        return new RouteTemplate(text, List.of(text.substring(1).split("/")));
    }

    /** @param path the request's decoded path segments; the template's parameters by name when it matches */
    Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (path.get(i).isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 1), path.get(i));
            } else if (!segment.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}
