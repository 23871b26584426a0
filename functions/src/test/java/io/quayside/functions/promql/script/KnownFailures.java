package io.quayside.functions.promql.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ratchet: {@code file:line reason} per line; cases listed may fail, and must, so the list only shrinks. */
public final class KnownFailures {
    private final Map<String, String> reasons;

    private KnownFailures(Map<String, String> reasons) {
        this.reasons = reasons;
    }

    public static KnownFailures load(String resource) {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (InputStream in = KnownFailures.class.getResourceAsStream(resource)) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String entry = line.strip();
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        String[] parts = entry.split("\\s+", 2);
                        reasons.put(parts[0], parts.length > 1 ? parts[1] : "");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnownFailures(reasons);
    }

    /** The listed reason, or null when the case is not listed. */
    public String reason(String caseId) {
        return reasons.get(caseId);
    }

    public Iterable<String> caseIds() {
        return reasons.keySet();
    }
}
