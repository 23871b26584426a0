package io.quayside.agent.cgroups;

import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;

import static io.quayside.model.MetricType.COUNTER;
import static io.quayside.model.MetricType.GAUGE;

/**
 * The container metric families, with cAdvisor's names, types and help (its metrics/prometheus.go)
 * so that existing dashboards and alerts work unchanged.
 */
public final class ContainerFamilies {
    /** Label {@code cpu}: always {@code total}, as cAdvisor writes it when per-CPU figures are off. */
    public static final MetricFamily CPU_USAGE = family("container_cpu_usage_seconds_total", COUNTER,
            "Cumulative cpu time consumed in seconds.");
    public static final MetricFamily CPU_USER = family("container_cpu_user_seconds_total", COUNTER,
            "Cumulative user cpu time consumed in seconds.");
    public static final MetricFamily CPU_SYSTEM = family("container_cpu_system_seconds_total", COUNTER,
            "Cumulative system cpu time consumed in seconds.");
    public static final MetricFamily CPU_CFS_PERIODS = family("container_cpu_cfs_periods_total", COUNTER,
            "Number of elapsed enforcement period intervals.");
    public static final MetricFamily CPU_CFS_THROTTLED_PERIODS = family("container_cpu_cfs_throttled_periods_total",
            COUNTER, "Number of throttled period intervals.");
    public static final MetricFamily CPU_CFS_THROTTLED_SECONDS = family("container_cpu_cfs_throttled_seconds_total",
            COUNTER, "Total time duration the container has been throttled.");

    public static final MetricFamily MEMORY_USAGE = family("container_memory_usage_bytes", GAUGE,
            "Current memory usage in bytes, including all memory regardless of when it was accessed");
    public static final MetricFamily MEMORY_MAX_USAGE = family("container_memory_max_usage_bytes", GAUGE,
            "Maximum memory usage recorded in bytes");
    public static final MetricFamily MEMORY_WORKING_SET = family("container_memory_working_set_bytes", GAUGE,
            "Current working set in bytes.");
    public static final MetricFamily MEMORY_RSS = family("container_memory_rss", GAUGE, "Size of RSS in bytes.");
    public static final MetricFamily MEMORY_CACHE = family("container_memory_cache", GAUGE,
            "Number of bytes of page cache memory.");
    public static final MetricFamily MEMORY_SWAP = family("container_memory_swap", GAUGE,
            "Container swap usage in bytes.");
    public static final MetricFamily MEMORY_MAPPED_FILE = family("container_memory_mapped_file", GAUGE,
            "Size of memory mapped files in bytes.");
    public static final MetricFamily MEMORY_FAILCNT = family("container_memory_failcnt", COUNTER,
            "Number of memory usage hits limits");
    /** Labels {@code failure_type} ({@code pgfault}, {@code pgmajfault}) and {@code scope} ({@code container}, {@code hierarchy}). */
    public static final MetricFamily MEMORY_FAILURES = family("container_memory_failures_total", COUNTER,
            "Cumulative count of memory allocation failures.");

    /** Label {@code device} on the four disk families. */
    public static final MetricFamily FS_READS_BYTES = family("container_fs_reads_bytes_total", COUNTER,
            "Cumulative count of bytes read");
    public static final MetricFamily FS_WRITES_BYTES = family("container_fs_writes_bytes_total", COUNTER,
            "Cumulative count of bytes written");
    public static final MetricFamily FS_READS = family("container_fs_reads_total", COUNTER,
            "Cumulative count of reads completed");
    public static final MetricFamily FS_WRITES = family("container_fs_writes_total", COUNTER,
            "Cumulative count of writes completed");

    public static final MetricFamily PROCESSES = family("container_processes", GAUGE,
            "Number of processes running inside the container.");
    public static final MetricFamily THREADS = family("container_threads", GAUGE,
            "Number of threads running inside the container");

    public static final MetricFamily SPEC_CPU_PERIOD = family("container_spec_cpu_period", GAUGE,
            "CPU period of the container.");
    public static final MetricFamily SPEC_CPU_QUOTA = family("container_spec_cpu_quota", GAUGE,
            "CPU quota of the container.");
    public static final MetricFamily SPEC_CPU_SHARES = family("container_spec_cpu_shares", GAUGE,
            "CPU share of the container.");
    public static final MetricFamily SPEC_MEMORY_LIMIT = family("container_spec_memory_limit_bytes", GAUGE,
            "Memory limit for the container.");
    public static final MetricFamily START_TIME = family("container_start_time_seconds", GAUGE,
            "Start time of the container since unix epoch in seconds.");

    /** Label {@code interface} on the eight network families. */
    public static final MetricFamily NETWORK_RECEIVE_BYTES = family("container_network_receive_bytes_total", COUNTER,
            "Cumulative count of bytes received");
    public static final MetricFamily NETWORK_RECEIVE_PACKETS = family("container_network_receive_packets_total",
            COUNTER, "Cumulative count of packets received");
    public static final MetricFamily NETWORK_RECEIVE_ERRORS = family("container_network_receive_errors_total",
            COUNTER, "Cumulative count of errors encountered while receiving");
    public static final MetricFamily NETWORK_RECEIVE_DROPPED = family(
            "container_network_receive_packets_dropped_total", COUNTER,
            "Cumulative count of packets dropped while receiving");
    public static final MetricFamily NETWORK_TRANSMIT_BYTES = family("container_network_transmit_bytes_total",
            COUNTER, "Cumulative count of bytes transmitted");
    public static final MetricFamily NETWORK_TRANSMIT_PACKETS = family("container_network_transmit_packets_total",
            COUNTER, "Cumulative count of packets transmitted");
    public static final MetricFamily NETWORK_TRANSMIT_ERRORS = family("container_network_transmit_errors_total",
            COUNTER, "Cumulative count of errors encountered while transmitting");
    public static final MetricFamily NETWORK_TRANSMIT_DROPPED = family(
            "container_network_transmit_packets_dropped_total", COUNTER,
            "Cumulative count of packets dropped while transmitting");

    public static final MetricFamily LAST_SEEN = family("container_last_seen", GAUGE,
            "Last time a container was seen by the exporter");

    private ContainerFamilies() {
    }

    private static MetricFamily family(String name, MetricType type, String help) {
        return new MetricFamily(name, type, help);
    }
}
