package io.quayside.model.exposition;

import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextWriterTest {
    private static final Map<String, MetricFamily> FAMILIES = Map.of(
            "cpu_seconds_total", new MetricFamily("cpu_seconds_total", MetricType.COUNTER, "CPU time.\nIn seconds, with a \\."),
            "memory_bytes", new MetricFamily("memory_bytes", MetricType.GAUGE, ""));

    private static final List<Sample> SAMPLES = List.of(
            new Sample(Labels.of("__name__", "memory_bytes", "id", "b"), 4096, 2000),
            new Sample(Labels.of("__name__", "cpu_seconds_total", "id", "b", "path", "C:\\dir \"x\"\nnext"), 0.25, 1000),
            new Sample(Labels.of("__name__", "cpu_seconds_total", "id", "a"), 1e20, 1000),
            new Sample(Labels.of("__name__", "untyped_thing"), Double.NEGATIVE_INFINITY, 3000),
            new Sample(Labels.of("__name__", "memory_bytes", "id", "a"), Double.NaN, 2000),
            new Sample(Labels.of("__name__", "memory_bytes", "id", "c"), Sample.STALE_NAN, 2000));

    @Test
    void groupsByFamilyEscapesAndLeavesStaleMarkersOut() {
        assertThat(PrometheusTextWriter.write(FAMILIES, SAMPLES)).isEqualTo("""
                # HELP cpu_seconds_total CPU time.\\nIn seconds, with a \\\\.
                # TYPE cpu_seconds_total counter
                cpu_seconds_total{id="a"} 1.0E20 1000
                cpu_seconds_total{id="b",path="C:\\\\dir \\"x\\"\\nnext"} 0.25 1000
                # TYPE memory_bytes gauge
                memory_bytes{id="a"} NaN 2000
                memory_bytes{id="b"} 4096 2000
                untyped_thing -Inf 3000
                """);
    }

    @Test
    void aLabelNameThatSortsBeforeTheMetricNameDoesNotSplitAFamily() {
        List<Sample> samples = List.of(
                new Sample(Labels.of("__name__", "memory_bytes", "Zone", "b"), 2, 1),
                new Sample(Labels.of("__name__", "cpu_seconds_total", "Zone", "a"), 1, 1),
                new Sample(Labels.of("__name__", "memory_bytes", "id", "c"), 3, 1));
        assertThat(PrometheusTextWriter.write(Map.of(), samples)).isEqualTo("""
                cpu_seconds_total{Zone="a"} 1 1
                memory_bytes{Zone="b"} 2 1
                memory_bytes{id="c"} 3 1
                """);
    }

    @Test
    void emptyInputWritesNothing() {
        assertThat(PrometheusTextWriter.write(Map.of(), List.of())).isEmpty();
    }

    /** Prometheus' own parser and linter accept what the gateway serves, escapes and special values included. */
    @Test
    void promtoolAcceptsTheOutput() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        Assumptions.assumeTrue(Files.isExecutable(promtool), "promtool is not installed (apt-get install prometheus)");
        Map<String, MetricFamily> described = Map.of(
                "cpu_seconds_total", FAMILIES.get("cpu_seconds_total"),
                "memory_bytes", new MetricFamily("memory_bytes", MetricType.GAUGE, "Memory in use."),
                "untyped_thing", new MetricFamily("untyped_thing", MetricType.UNTYPED, "Anything."));
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(PrometheusTextWriter.write(described, SAMPLES).getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String verdict = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(verdict).isZero();
    }
}
