package io.quayside.functions.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parameters in {@code application/x-www-form-urlencoded} form, as a query string or a form body
 * carries them. Repeated names keep every value in order ({@code match[]=a&match[]=b}), which
 * API Gateway's own {@code queryStringParameters} would join with commas.
 */
public record FormFields(Map<String, List<String>> values) {
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final FormFields NONE = new FormFields(Map.of());

    public FormFields {
        values = values.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
    }

    /** @param encoded a raw query string or form body, or null; @throws GatewayException 400 for bad percent-encoding */
    public static FormFields parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return NONE;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return new FormFields(values);
    }

    /** A form POST's body; @throws GatewayException 415 when the body is not a form */
    public static FormFields ofBody(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            String sent = contentType == null ? "no Content-Type" : contentType;
            throw new GatewayException(415, "send the parameters as " + FORM + ", not " + sent);
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(400, "malformed parameter \"" + text + "\": " + e.getMessage());
        }
    }

    /** The first value of {@code name}, or null. */
    public String first(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? null : all.get(0);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
