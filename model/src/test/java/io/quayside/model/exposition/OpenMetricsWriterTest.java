package io.quayside.model.exposition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class OpenMetricsWriterTest {
    private static final Map<String, MetricFamily> FAMILIES = Map.of(
            "cpu_seconds_total", new MetricFamily("cpu_seconds_total", MetricType.COUNTER, "CPU \"time\".\nIn seconds, with a \\."),
            "memory_bytes", new MetricFamily("memory_bytes", MetricType.GAUGE, "Memory in use."),
            "restarts", new MetricFamily("restarts", MetricType.COUNTER, "A counter without _total keeps its name."),
            "drift_total", new MetricFamily("drift_total", MetricType.COUNTER, ""));

    private static final List<Sample> SAMPLES = List.of(
            new Sample(Labels.of("__name__", "memory_bytes", "id", "b"), 4096, 2_000),
            new Sample(Labels.of("__name__", "cpu_seconds_total", "id", "b", "path", "C:\\dir \"x\"\nnext"), 0.25, 1_001),
            new Sample(Labels.of("__name__", "cpu_seconds_total", "id", "a"), 1e20, 999),
            new Sample(Labels.of("__name__", "untyped_thing", "Zone", "up"), Double.NEGATIVE_INFINITY, 3_000),
            new Sample(Labels.of("__name__", "memory_bytes", "id", "a"), Double.NaN, 2_500),
            new Sample(Labels.of("__name__", "memory_bytes", "id", "inf"), Double.POSITIVE_INFINITY, 2_000),
            new Sample(Labels.of("__name__", "memory_bytes", "id", "c"), Sample.STALE_NAN, 2_000),
            new Sample(Labels.of("__name__", "restarts"), 3, 1_700_000_000_123L),
            new Sample(Labels.of("__name__", "drift_total"), -2, 0));

    @Test
    void writesCountersUnderTheirStemWithSecondsAndEof() {
        assertThat(OpenMetricsWriter.write(FAMILIES, SAMPLES)).isEqualTo("""
                # TYPE cpu_seconds counter
                # HELP cpu_seconds CPU \\"time\\".\\nIn seconds, with a \\\\.
                # UNIT cpu_seconds seconds
                cpu_seconds_total{id="a"} 1.0E20 0.999
                cpu_seconds_total{id="b",path="C:\\\\dir \\"x\\"\\nnext"} 0.25 1.001
                # TYPE drift_total unknown
                drift_total -2 0
                # TYPE memory_bytes gauge
                # HELP memory_bytes Memory in use.
                # UNIT memory_bytes bytes
                memory_bytes{id="a"} NaN 2.5
                memory_bytes{id="b"} 4096 2
                memory_bytes{id="inf"} +Inf 2
                # TYPE restarts unknown
                # HELP restarts A counter without _total keeps its name.
                restarts 3 1700000000.123
                untyped_thing{Zone="up"} -Inf 3
                # EOF
                """);
    }

    @Test
    void outputParsesStrictlyWithTheSameSeriesValuesAndTimes() {
        List<ScrapedFamily> families = new ExpositionParser(ExpositionFormat.OPENMETRICS)
                .parse(OpenMetricsWriter.write(FAMILIES, SAMPLES));

        assertThat(families).extracting(ScrapedFamily::name).containsExactly(
                "cpu_seconds", "drift_total", "memory_bytes", "restarts", "untyped_thing");
        assertThat(families.get(0).metricFamily()).isEqualTo(FAMILIES.get("cpu_seconds_total"));
        assertThat(families.get(2).metricFamily()).isEqualTo(FAMILIES.get("memory_bytes"));
        List<Sample> parsed = families.stream().flatMap(f -> f.samples().stream()).map(s -> s.toSample(0)).toList();
        assertThat(parsed).containsExactlyInAnyOrderElementsOf(
                SAMPLES.stream().filter(s -> !s.isStale()).toList());
    }

    @Test
    void emptyInputIsJustEof() {
        String text = OpenMetricsWriter.write(Map.of(), List.of());
        assertThat(text).isEqualTo("# EOF\n");
        assertThat(new ExpositionParser(ExpositionFormat.OPENMETRICS).parse(text)).isEmpty();
    }

    /** Debian's python3-prometheus-client holds the OpenMetrics reference parser; it must agree with ours. */
    @Test
    void referenceParserAcceptsTheOutputAndSeesTheSameFamiliesAndValues() throws Exception {
        Path python = Files.isExecutable(Path.of("/usr/bin/python3")) ? Path.of("/usr/bin/python3") : Path.of("python3");
        String text = OpenMetricsWriter.write(FAMILIES, SAMPLES);
        Process run;
        try {
            run = new ProcessBuilder(python.toString(), "-c", REFERENCE_SCRIPT).start();
        } catch (java.io.IOException noPython) {
            System.out.println("Skipping reference parser check: python3 not found");
            Assumptions.abort("python3 not found");
            return;
        }
        run.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        run.getOutputStream().close();
        String stdout = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (run.exitValue() == 3) {
            System.out.println("Skipping reference parser check: " + stderr.strip() + " (apt-get install python3-prometheus-client)");
            Assumptions.abort(stderr);
        }
        assertThat(run.exitValue()).as("reference parser rejected:\n" + text + "\n" + stderr).isZero();

        JsonNode reference = new ObjectMapper().readTree(stdout);
        List<String> seen = new ArrayList<>();
        for (JsonNode family : reference) {
            for (JsonNode sample : family.path("samples")) {
                seen.add(family.path("name").asText() + "/" + family.path("type").asText() + " " + sample.path("name").asText()
                        + sample.path("labels") + " " + sample.path("value").asText() + " @" + sample.path("timestamp").asText());
            }
        }
        List<String> ours = new ArrayList<>();
        for (ScrapedFamily family : new ExpositionParser(ExpositionFormat.OPENMETRICS).parse(text)) {
            for (ScrapedSample sample : family.samples()) {
                Map<String, String> labels = sample.labels().without(Labels.METRIC_NAME).toMap();
                ours.add(family.name() + "/" + family.type().exposition() + " " + sample.metricName()
                        + new ObjectMapper().writeValueAsString(new java.util.TreeMap<>(labels)) + " " + pythonRepr(sample.value())
                        + " @" + sample.timestampMs() / 1000.0);
            }
        }
        System.out.println("reference parser (prometheus_client.openmetrics.parser) accepted " + reference.size()
                + " families, " + seen.size() + " samples, identical to ours");
        assertThat(seen).containsExactlyElementsOf(ours);
    }

    private static String pythonRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value).replace("E", "e").replace("1.0e20", "1e+20");
    }

    private static final String REFERENCE_SCRIPT = """
            import json, sys
            try:
                from prometheus_client.openmetrics.parser import text_string_to_metric_families
            except ImportError as e:
                print("prometheus_client not installed: %s" % e, file=sys.stderr)
                sys.exit(3)
            out = []
            for f in text_string_to_metric_families(sys.stdin.read()):
                samples = [{"name": s.name, "labels": dict(sorted(s.labels.items())), "value": repr(float(s.value)),
                            "timestamp": None if s.timestamp is None else float(s.timestamp)} for s in f.samples]
                out.append({"name": f.name, "type": f.type, "samples": samples})
            print(json.dumps(out))
            """;
}
