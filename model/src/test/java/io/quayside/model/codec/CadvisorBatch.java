package io.quayside.model.codec;

import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A batch shaped like one cAdvisor sweep on a cgroup v1 node: {@value #SERIES_PER_CONTAINER} series
 * per container, grouped by metric family as the exposition format groups them, values at the
 * precision cAdvisor reports them (CPU usage from nanosecond counters, user/system from 10 ms ticks,
 * page-aligned memory, whole seconds for start time and last seen).
 */
final class CadvisorBatch {
    static final int SERIES_PER_CONTAINER = 27;

    private static final String NODE = "ip-10-0-12-34.eu-west-1.compute.internal";
    private static final long PAGE = 4096;
    private static final long NANOS = 1_000_000_000L;
    private static final long TICK_NANOS = 10_000_000L;
    private static final long MIB = 1 << 20;
    private static final String[] IMAGES = {
            "docker.io/library/nginx:1.27.2", "docker.io/library/redis:7.4.1", "docker.io/library/postgres:16.4",
            "quay.io/prometheus/node-exporter:v1.8.2", "registry.k8s.io/kube-proxy:v1.31.1",
            "registry.k8s.io/coredns/coredns:v1.11.3", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/checkout:2024.11.3",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments:3.2.0", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/search:1.14.7",
            "ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.112.0",
            "docker.io/bitnami/kafka:3.8.1", "docker.io/grafana/loki:3.2.1"};
    private static final String[] APPS = {"nginx", "redis", "postgres", "node-exporter", "kube-proxy", "coredns",
            "checkout", "payments", "search", "otel-collector", "kafka", "loki"};

    private CadvisorBatch() {
    }

    private record Container(String id, String name, String image, long[] counters, double[] values) {
    }

    static SampleBatch build(int containers, long seed) {
        Random random = new Random(seed);
        long sentAtMs = 1_763_000_000_000L + random.nextInt(1_000_000);
        long sweepMs = sentAtMs - 1_500;
        List<MetricFamily> families = new ArrayList<>();
        List<List<Sample>> perFamily = new ArrayList<>();
        String[][] familySpecs = {
                {"container_cpu_usage_seconds_total", "counter", "Cumulative cpu time consumed in seconds.", ""},
                {"container_cpu_user_seconds_total", "counter", "Cumulative user cpu time consumed in seconds.", ""},
                {"container_cpu_system_seconds_total", "counter", "Cumulative system cpu time consumed in seconds.", ""},
                {"container_cpu_cfs_periods_total", "counter", "Number of elapsed enforcement period intervals.", ""},
                {"container_cpu_cfs_throttled_periods_total", "counter", "Number of throttled period intervals.", ""},
                {"container_memory_usage_bytes", "gauge", "Current memory usage in bytes, including all memory regardless of when it was accessed", ""},
                {"container_memory_working_set_bytes", "gauge", "Current working set in bytes.", ""},
                {"container_memory_rss", "gauge", "Size of RSS in bytes.", ""},
                {"container_memory_cache", "gauge", "Number of bytes of page cache memory.", ""},
                {"container_memory_swap", "gauge", "Container swap usage in bytes.", ""},
                {"container_fs_reads_bytes_total", "counter", "Cumulative count of bytes read", "device"},
                {"container_fs_writes_bytes_total", "counter", "Cumulative count of bytes written", "device"},
                {"container_fs_reads_total", "counter", "Cumulative count of reads completed", "device"},
                {"container_fs_writes_total", "counter", "Cumulative count of writes completed", "device"},
                {"container_network_receive_bytes_total", "counter", "Cumulative count of bytes received", "interface"},
                {"container_network_transmit_bytes_total", "counter", "Cumulative count of bytes transmitted", "interface"},
                {"container_network_receive_packets_total", "counter", "Cumulative count of packets received", "interface"},
                {"container_network_transmit_packets_total", "counter", "Cumulative count of packets transmitted", "interface"},
                {"container_network_receive_errors_total", "counter", "Cumulative count of errors encountered while receiving", "interface"},
                {"container_network_transmit_errors_total", "counter", "Cumulative count of errors encountered while transmitting", "interface"},
                {"container_processes", "gauge", "Number of processes running inside the container.", ""},
                {"container_spec_cpu_quota", "gauge", "CPU quota of the container.", ""},
                {"container_spec_cpu_period", "gauge", "CPU period of the container.", ""},
                {"container_spec_cpu_shares", "gauge", "CPU share of the container.", ""},
                {"container_spec_memory_limit_bytes", "gauge", "Memory limit for the container.", ""},
                {"container_start_time_seconds", "gauge", "Start time of the container since unix epoch in seconds.", ""},
                {"container_last_seen", "gauge", "Last time a container was seen by the exporter", ""}};
        for (String[] spec : familySpecs) {
            families.add(new MetricFamily(spec[0], MetricType.valueOf(spec[1].toUpperCase()), spec[2]));
            perFamily.add(new ArrayList<>());
        }
        for (int c = 0; c < containers; c++) {
            String id = hex(random, 64);
            int app = random.nextInt(APPS.length);
            String name = "k8s_" + APPS[app] + "_" + APPS[app] + "-" + hex(random, 10) + "-" + hex(random, 5) + "_default_" + hex(random, 8) + "_0";
            long timestamp = sweepMs + random.nextInt(4);
            double[] values = values(random, sentAtMs);
            for (int f = 0; f < familySpecs.length; f++) {
                Labels.Builder labels = Labels.builder()
                        .add(Labels.METRIC_NAME, familySpecs[f][0]).add("id", id).add("name", name)
                        .add("image", IMAGES[app]).add("node", NODE);
                if (familySpecs[f][3].equals("device")) {
                    labels.add("device", "/dev/nvme0n1");
                } else if (familySpecs[f][3].equals("interface")) {
                    labels.add("interface", "eth0");
                }
                perFamily.get(f).add(new Sample(labels.build(), values[f], timestamp));
            }
        }
        List<Sample> samples = new ArrayList<>();
        perFamily.forEach(samples::addAll);
        return new SampleBatch("b-" + hex(random, 16), "acme", NODE, "quayside-agent/0.1.0", sentAtMs, families, samples);
    }

    /** One container's values, in the order of the family specs. */
    private static double[] values(Random random, long nowMs) {
        long uptimeSeconds = 600 + (long) (random.nextDouble() * 30 * 86_400);
        double cores = 0.01 + random.nextDouble() * 1.5;
        long cpuNanos = (long) (uptimeSeconds * cores * NANOS) + random.nextInt(1_000_000_000);
        long userTicks = (long) (cpuNanos * (0.6 + 0.2 * random.nextDouble()) / TICK_NANOS);
        long systemTicks = (long) (cpuNanos * 0.15 / TICK_NANOS) + random.nextInt(1000);
        long periods = (long) (uptimeSeconds * 10 * (0.2 + 0.8 * random.nextDouble()));
        long throttled = random.nextInt(10) < 6 ? 0 : (long) (periods * 0.05 * random.nextDouble());
        long[] limits = {256 * MIB, 512 * MIB, 1024 * MIB, 2048 * MIB, 4096 * MIB, 8192 * MIB};
        long memoryLimit = limits[random.nextInt(limits.length)];
        long usagePages = (long) (memoryLimit / PAGE * (0.1 + 0.8 * random.nextDouble()));
        long rssPages = (long) (usagePages * (0.4 + 0.4 * random.nextDouble()));
        long cachePages = usagePages - rssPages;
        long workingSetPages = usagePages - (long) (cachePages * random.nextDouble());
        long readBytes = PAGE * (long) (uptimeSeconds * random.nextDouble() * 200);
        long writeBytes = PAGE * (long) (uptimeSeconds * random.nextDouble() * 500);
        long rxBytes = (long) (uptimeSeconds * Math.pow(10, 3 + 4 * random.nextDouble()));
        long txBytes = (long) (uptimeSeconds * Math.pow(10, 3 + 4 * random.nextDouble()));
        long[] quotas = {50_000, 100_000, 200_000, 400_000};
        long quota = quotas[random.nextInt(quotas.length)];
        return new double[]{
                cpuNanos / 1e9, userTicks * TICK_NANOS / 1e9, systemTicks * TICK_NANOS / 1e9, periods, throttled,
                usagePages * PAGE, workingSetPages * PAGE, rssPages * PAGE, cachePages * PAGE, 0,
                readBytes, writeBytes, readBytes / (PAGE * (1 + random.nextInt(16))), writeBytes / (PAGE * (1 + random.nextInt(16))),
                rxBytes, txBytes, rxBytes / (200 + random.nextInt(1200)), txBytes / (200 + random.nextInt(1200)),
                random.nextInt(50) == 0 ? random.nextInt(5) : 0, random.nextInt(50) == 0 ? random.nextInt(5) : 0,
                1 + random.nextInt(40), quota, 100_000, quota * 1024 / 100_000, memoryLimit,
                nowMs / 1000 - uptimeSeconds, nowMs / 1000};
    }

    private static String hex(Random random, int digits) {
        StringBuilder s = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }
}
