package io.quayside.functions.bench;

import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * cAdvisor-like series: {@code metrics} metric names on each of {@code containers} containers,
 * labelled {@code id}, {@code name}, {@code service} and {@code node}. Metric {@code i} is a counter
 * when {@link #isCounter(int)}, else a gauge in [0, 1). Each series keeps its own level (gauges) or
 * rate (counters), so the same series cross the rule thresholds round after round.
 */
final class ContainerFleet {
    private static final String[] COUNTERS = {"cpu_usage_seconds", "cpu_cfs_throttled_seconds", "network_receive_bytes",
            "network_transmit_bytes", "fs_reads_bytes", "fs_writes_bytes", "memory_failures"};
    private static final String[] GAUGES = {"memory_working_set_ratio", "memory_rss_ratio", "cpu_load_ratio",
            "fs_usage_ratio", "memory_cache_ratio", "network_saturation_ratio"};
    private static final int SERVICES = 10;
    private static final int NODES = 4;

    private final Labels[] labels;
    private final double[] levels;
    private final boolean[] counters;
    private final SplittableRandom noise = new SplittableRandom(7);

    ContainerFleet(int metrics, int containers) {
        SplittableRandom random = new SplittableRandom(42);
        Labels[] containerLabels = new Labels[containers];
        for (int c = 0; c < containers; c++) {
            String service = "svc-" + (c % SERVICES);
            containerLabels[c] = Labels.of("id", "/docker/" + hex64(random), "name", service + "-" + c,
                    "service", service, "node", "node-" + (c % NODES));
        }
        labels = new Labels[metrics * containers];
        levels = new double[labels.length];
        counters = new boolean[labels.length];
        for (int m = 0; m < metrics; m++) {
            String name = metricName(m);
            for (int c = 0; c < containers; c++) {
                int s = m * containers + c;
                labels[s] = containerLabels[c].with(Labels.METRIC_NAME, name);
                counters[s] = isCounter(m);
                levels[s] = counters[s] ? random.nextDouble(0, 1.25) : random.nextDouble();
            }
        }
    }

    static boolean isCounter(int metric) {
        return metric % 5 == 1 || metric % 5 == 3;
    }

    static String metricName(int metric) {
        return isCounter(metric)
                ? "container_" + COUNTERS[metric % COUNTERS.length] + "_" + metric + "_total"
                : "container_" + GAUGES[metric % GAUGES.length] + "_" + metric;
    }

    int seriesCount() {
        return labels.length;
    }

    /** One scrape of every series at {@code timeMs}; counters have grown at their rate since time 0. */
    List<Sample> sweep(long timeMs) {
        List<Sample> out = new ArrayList<>(labels.length);
        for (int s = 0; s < labels.length; s++) {
            double value = counters[s]
                    ? Math.floor(levels[s] * timeMs / 1000)
                    : Math.min(0.999, Math.max(0, levels[s] + noise.nextDouble(-0.02, 0.02)));
            out.add(new Sample(labels[s], value, timeMs));
        }
        return out;
    }

    private static String hex64(SplittableRandom random) {
        StringBuilder hex = new StringBuilder(64);
        for (int i = 0; i < 4; i++) {
            hex.append(String.format("%016x", random.nextLong()));
        }
        return hex.toString();
    }
}
