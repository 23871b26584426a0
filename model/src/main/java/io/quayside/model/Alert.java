package io.quayside.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An alert as Alertmanager's API v2 takes it ({@code postableAlert}): the JSON field names are
 * Alertmanager's, so a list of these can be posted to {@code /api/v2/alerts} as it is.
 *
 * @param startsAt     when the alert became active; null lets Alertmanager use the time it arrives
 * @param endsAt       when it resolved, or until when it counts as firing without a resend
 * @param generatorURL where the rule that produced it can be seen
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(@JsonProperty("labels") Labels labels,
                    @JsonProperty("annotations") Map<String, String> annotations,
                    @JsonProperty("startsAt") Instant startsAt,
                    @JsonProperty("endsAt") Instant endsAt,
                    @JsonProperty("generatorURL") String generatorURL) {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Prometheus' separator byte between label names and values: it cannot occur in UTF-8 text. */
    private static final int SEPARATOR = 0xff;

    public enum Status { FIRING, RESOLVED }

    public Alert {
        Objects.requireNonNull(labels, "labels");
        annotations = Map.copyOf(annotations == null ? Map.of() : annotations);
    }

    /**
     * The identity Prometheus and Alertmanager give a label set: 64-bit FNV-1a over the names and
     * values in name order, each followed by 0xff, as 16 hex digits.
     */
    public String fingerprint() {
        long hash = FNV_OFFSET;
        for (int i = 0; i < labels.size(); i++) {
            hash = addText(hash, labels.name(i));
            hash = addByte(hash, SEPARATOR);
            hash = addText(hash, labels.value(i));
            hash = addByte(hash, SEPARATOR);
        }
        return String.format("%016x", hash);
    }

    /** Firing until {@code endsAt} has passed, as Alertmanager decides. */
    public Status status(Instant now) {
        return endsAt == null || endsAt.isAfter(now) ? Status.FIRING : Status.RESOLVED;
    }

    private static long addText(long hash, String text) {
        long h = hash;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = addByte(h, b & 0xff);
        }
        return h;
    }

    private static long addByte(long hash, int b) {
        return (hash ^ b) * FNV_PRIME;
    }
}
