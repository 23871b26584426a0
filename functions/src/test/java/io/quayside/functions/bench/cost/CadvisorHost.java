package io.quayside.functions.bench.cost;

import io.quayside.functions.store.Container;
import io.quayside.model.ContainerEvent;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;

import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One host's sweeps as its agent sends them over time: {@value #SERIES_PER_CONTAINER} cAdvisor series per
 * container under cAdvisor's names and {@value #NODE_SERIES} node series. Counters grow at a rate of
 * their own per container, gauges wander, spec gauges stay put, so that deflate sees what it would see
 * from a real host, sweep after sweep.
 */
final class CadvisorHost {
    static final int SERIES_PER_CONTAINER = 27;
    static final int NODE_SERIES = 11;
    static final String TENANT = "acme";

    private enum Kind { COUNTER, GAUGE, SPEC, LAST_SEEN }

    /** A family, and the range its per-container rate (counters) or level (gauges) is drawn from, log-uniformly. */
    private record Family(String name, Kind kind, String extraLabel, double low, double high, String help) {
        MetricType type() {
            return kind == Kind.COUNTER ? MetricType.COUNTER : MetricType.GAUGE;
        }
    }

    private static final double MIB = 1 << 20;
    private static final List<Family> CONTAINER_FAMILIES = List.of(
            new Family("container_cpu_usage_seconds_total", Kind.COUNTER, null, 0.005, 1.5, "Cumulative cpu time consumed in seconds."),
            new Family("container_cpu_user_seconds_total", Kind.COUNTER, null, 0.004, 1.2, "Cumulative user cpu time consumed in seconds."),
            new Family("container_cpu_system_seconds_total", Kind.COUNTER, null, 0.001, 0.3, "Cumulative system cpu time consumed in seconds."),
            new Family("container_cpu_cfs_periods_total", Kind.COUNTER, null, 2, 10, "Number of elapsed enforcement period intervals."),
            new Family("container_cpu_cfs_throttled_periods_total", Kind.COUNTER, null, 0.001, 3, "Number of throttled period intervals."),
            new Family("container_memory_usage_bytes", Kind.GAUGE, null, 32 * MIB, 2048 * MIB, "Current memory usage in bytes."),
            new Family("container_memory_working_set_bytes", Kind.GAUGE, null, 16 * MIB, 1536 * MIB, "Current working set in bytes."),
            new Family("container_memory_rss", Kind.GAUGE, null, 8 * MIB, 1024 * MIB, "Size of RSS in bytes."),
            new Family("container_memory_cache", Kind.GAUGE, null, 4 * MIB, 512 * MIB, "Number of bytes of page cache memory."),
            new Family("container_memory_failcnt", Kind.COUNTER, null, 0.0001, 0.01, "Number of memory usage hits limits."),
            new Family("container_fs_reads_bytes_total", Kind.COUNTER, "device", 100, 800_000, "Cumulative count of bytes read."),
            new Family("container_fs_writes_bytes_total", Kind.COUNTER, "device", 100, 2_000_000, "Cumulative count of bytes written."),
            new Family("container_fs_reads_total", Kind.COUNTER, "device", 0.1, 200, "Cumulative count of reads completed."),
            new Family("container_fs_writes_total", Kind.COUNTER, "device", 0.1, 400, "Cumulative count of writes completed."),
            new Family("container_network_receive_bytes_total", Kind.COUNTER, "interface", 1_000, 10_000_000, "Cumulative count of bytes received."),
            new Family("container_network_transmit_bytes_total", Kind.COUNTER, "interface", 1_000, 10_000_000, "Cumulative count of bytes transmitted."),
            new Family("container_network_receive_packets_total", Kind.COUNTER, "interface", 2, 20_000, "Cumulative count of packets received."),
            new Family("container_network_transmit_packets_total", Kind.COUNTER, "interface", 2, 20_000, "Cumulative count of packets transmitted."),
            new Family("container_network_receive_errors_total", Kind.COUNTER, "interface", 0.00001, 0.001, "Cumulative count of errors encountered while receiving."),
            new Family("container_network_transmit_errors_total", Kind.COUNTER, "interface", 0.00001, 0.001, "Cumulative count of errors encountered while transmitting."),
            new Family("container_threads", Kind.GAUGE, null, 1, 200, "Number of threads running inside the container."),
            new Family("container_spec_cpu_quota", Kind.SPEC, null, 50_000, 400_000, "CPU quota of the container."),
            new Family("container_spec_cpu_shares", Kind.SPEC, null, 2, 4096, "CPU share of the container."),
            new Family("container_spec_memory_limit_bytes", Kind.SPEC, null, 2048 * MIB, 8192 * MIB, "Memory limit for the container."),
            new Family("container_spec_memory_reservation_limit_bytes", Kind.SPEC, null, 64 * MIB, 1024 * MIB, "Memory reservation limit for the container."),
            new Family("container_start_time_seconds", Kind.SPEC, null, 1.7e9, 1.79e9, "Start time of the container since unix epoch in seconds."),
            new Family("container_last_seen", Kind.LAST_SEEN, null, 0, 0, "Last time a container was seen by the exporter."));
    private static final List<Family> NODE_FAMILIES = List.of(
            new Family("node_load1", Kind.GAUGE, null, 0.05, 8, "1m load average."),
            new Family("node_load5", Kind.GAUGE, null, 0.05, 8, "5m load average."),
            new Family("node_memory_MemAvailable_bytes", Kind.GAUGE, null, 1024 * MIB, 16_384 * MIB, "Memory information field MemAvailable_bytes."),
            new Family("node_memory_MemTotal_bytes", Kind.SPEC, null, 16_384 * MIB, 65_536 * MIB, "Memory information field MemTotal_bytes."),
            new Family("node_cpu_seconds_total", Kind.COUNTER, "mode", 0.01, 1, "Seconds the CPUs spent in each mode."),
            new Family("node_network_receive_bytes_total", Kind.COUNTER, "device", 10_000, 50_000_000, "Network device statistic receive_bytes."),
            new Family("node_network_transmit_bytes_total", Kind.COUNTER, "device", 10_000, 50_000_000, "Network device statistic transmit_bytes."),
            new Family("quayside_agent_read_errors_total", Kind.COUNTER, "reason", 0.00001, 0.0001, "Figures the agent could not read."));
    private static final String[] CPU_MODES = {"idle", "user", "system", "iowait"};
    private static final String[] APPS = {"nginx", "redis", "checkout", "payments", "search", "kafka", "loki", "otel-collector"};

    private final String node;
    private final List<Container> discovered = new ArrayList<>();
    private final List<Series> series = new ArrayList<>();
    private final List<MetricFamily> families = new ArrayList<>();
    private final SplittableRandom random;
    private long sweeps;

    /** A series, its value at time 0 and its rate (counters) or level (gauges). */
    private static final class Series {
        final Labels labels;
        final Kind kind;
        final double start;
        final double scale;
        double wander = 1;

        Series(Labels labels, Kind kind, double start, double scale) {
            this.labels = labels;
            this.kind = kind;
            this.start = start;
            this.scale = scale;
        }
    }

    CadvisorHost(int hostIndex, int containers, long seed) {
        this.random = new SplittableRandom(seed * 1_000_003 + hostIndex);
        this.node = "ip-10-0-" + (hostIndex / 250) + "-" + (hostIndex % 250 + 1) + ".ec2.internal";
        CONTAINER_FAMILIES.forEach(family -> families.add(new MetricFamily(family.name(), family.type(), family.help())));
        NODE_FAMILIES.forEach(family -> families.add(new MetricFamily(family.name(), family.type(), family.help())));
        // cAdvisor groups samples by family, as the exposition format does; the agent keeps that order.
        String[][] containerLabels = new String[containers][];
        for (int c = 0; c < containers; c++) {
            String app = APPS[random.nextInt(APPS.length)];
            containerLabels[c] = new String[]{hex(64), app + "-" + hex(10) + "-" + hex(5), "123456789012.dkr.ecr.us-east-1.amazonaws.com/" + app + ":1." + random.nextInt(20), app};
            discovered.add(new Container(TENANT, containerLabels[c][0], containerLabels[c][1], containerLabels[c][2], node,
                    "runc", Map.of("service", app), ContainerEvent.Kind.STARTED, Instant.EPOCH, Instant.EPOCH));
        }
        for (Family family : CONTAINER_FAMILIES) {
            for (String[] container : containerLabels) {
                Labels.Builder labels = Labels.builder().add(Labels.METRIC_NAME, family.name()).add("id", container[0])
                        .add("name", container[1]).add("image", container[2]).add("node", node).add("tenant", TENANT)
                        .add("service", container[3]);
                if (family.extraLabel() != null) {
                    labels.add(family.extraLabel(), family.extraLabel().equals("device") ? "/dev/nvme0n1" : "eth0");
                }
                add(family, labels.build());
            }
        }
        for (Family family : NODE_FAMILIES) {
            Labels labels = Labels.of(Labels.METRIC_NAME, family.name(), "node", node, "tenant", TENANT);
            if ("mode".equals(family.extraLabel())) {
                for (String mode : CPU_MODES) {
                    add(family, labels.with("cpu", "0").with("mode", mode));
                }
            } else if (family.extraLabel() != null) {
                add(family, labels.with(family.extraLabel(), family.extraLabel().equals("device") ? "eth0" : "cgroup"));
            } else {
                add(family, labels);
            }
        }
    }

    String node() {
        return node;
    }

    /** The host's containers as discovery registers them from their start events, started at {@code at}. */
    List<Container> started(Instant at) {
        return discovered.stream().map(container -> new Container(container.tenant(), container.id(), container.name(),
                container.image(), container.node(), container.runtime(), container.labels(), container.state(), at, at)).toList();
    }

    int seriesCount() {
        return series.size();
    }

    /** The batch the agent sends for its sweep at {@code timeMs}: each container stamped 0-3 ms apart. */
    SampleBatch sweep(long timeMs) {
        List<Sample> samples = new ArrayList<>(series.size());
        for (Series s : series) {
            samples.add(new Sample(s.labels, value(s, timeMs), timeMs + (s.labels.get("id") == null ? 0 : s.labels.get("id").charAt(0) % 4)));
        }
        sweeps++;
        return new SampleBatch(node + "-" + timeMs + "-" + sweeps, TENANT, node, "quayside-agent/0.1.0", timeMs + 200, families, samples);
    }

    private double value(Series s, long timeMs) {
        switch (s.kind) {
            case COUNTER:
                // cAdvisor's counters are whole units except CPU seconds (nanoseconds).
                double grown = s.start + s.scale * timeMs / 1000.0;
                return s.labels.metricName().contains("seconds") ? Math.floor(grown * 1e9) / 1e9 : Math.floor(grown);
            case GAUGE:
                s.wander = Math.min(1.25, Math.max(0.75, s.wander * (1 + random.nextDouble(-0.03, 0.03))));
                double level = s.scale * s.wander;
                return s.scale > 4096 ? Math.floor(level / 4096) * 4096 : Math.round(level * 100) / 100.0;
            case LAST_SEEN:
                return Math.floor(timeMs / 1000.0);
            default:
                return s.scale;
        }
    }

    private void add(Family family, Labels labels) {
        double scale = family.kind() == Kind.LAST_SEEN ? 0 : family.low() * Math.pow(family.high() / family.low(), random.nextDouble());
        if (family.kind() == Kind.SPEC || family.kind() == Kind.GAUGE && scale > 4096) {
            scale = Math.floor(scale);
        }
        double start = family.kind() == Kind.COUNTER ? Math.floor(scale * random.nextDouble(600, 30 * 86_400)) : 0;
        series.add(new Series(labels, family.kind(), start, scale));
    }

    private String hex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
