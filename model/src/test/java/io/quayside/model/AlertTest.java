package io.quayside.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertTest {
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void fingerprintsAsPrometheusCommonDoes() {
        // Expected values from prometheus/common's TestLabelSetToFingerprint.
        assertThat(alert(Labels.EMPTY).fingerprint()).isEqualTo(Long.toHexString(Long.parseUnsignedLong("14695981039346656037")));
        assertThat(alert(Labels.of("name", "garland, briggs", "fear", "love is not enough")).fingerprint())
                .isEqualTo(String.format("%016x", Long.parseUnsignedLong("5799056148416392346")));
    }

    @Test
    void fingerprintDependsOnLabelsNotTheirOrderOfInsertion() {
        Alert a = alert(Labels.of("alertname", "HighCpu", "service", "web"));
        Alert b = alert(Labels.of("service", "web", "alertname", "HighCpu"));
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(16);
        assertThat(alert(Labels.of("alertname", "HighCpu", "service", "db")).fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void isFiringUntilEndsAtHasPassed() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Alert open = new Alert(Labels.of("alertname", "X"), Map.of(), now, null, null);
        Alert ending = new Alert(Labels.of("alertname", "X"), Map.of(), now, now.plusSeconds(60), null);
        assertThat(open.status(now)).isEqualTo(Alert.Status.FIRING);
        assertThat(ending.status(now)).isEqualTo(Alert.Status.FIRING);
        assertThat(ending.status(now.plusSeconds(60))).isEqualTo(Alert.Status.RESOLVED);
    }

    @Test
    void writesAlertmanagerFieldNamesAndReadsThemBack() throws Exception {
        Alert alert = new Alert(Labels.of("alertname", "DiskFull", "instance", "n1"), Map.of("summary", "disk /data full"),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:05:00Z"), "http://quayside/rules");

        String json = mapper.writeValueAsString(alert);
        JsonNode tree = mapper.readTree(json);

        assertThat(iterable(tree.fieldNames())).containsExactlyInAnyOrder("labels", "annotations", "startsAt", "endsAt", "generatorURL");
        assertThat(tree.get("labels").get("alertname").asText()).isEqualTo("DiskFull");
        assertThat(tree.get("startsAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(mapper.readValue(json, Alert.class)).isEqualTo(alert);
    }

    @Test
    void leavesOutAbsentTimesAndUrl() throws Exception {
        JsonNode tree = mapper.readTree(mapper.writeValueAsString(alert(Labels.of("alertname", "X"))));
        assertThat(iterable(tree.fieldNames())).containsExactlyInAnyOrder("labels", "annotations");
    }

    private static Alert alert(Labels labels) {
        return new Alert(labels, null, null, null, null);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
