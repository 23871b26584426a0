package io.quayside.agent.node;

import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;

import static io.quayside.model.MetricType.COUNTER;
import static io.quayside.model.MetricType.GAUGE;

/** The node metric families, with node_exporter's names, types and help so its dashboards work. */
public final class NodeFamilies {
    /** Labels {@code cpu} ({@code 0}, {@code 1}, ...) and {@code mode}. */
    public static final MetricFamily CPU_SECONDS = family("node_cpu_seconds_total", COUNTER,
            "Seconds the CPUs spent in each mode.");
    public static final MetricFamily LOAD1 = family("node_load1", GAUGE, "1m load average.");
    public static final MetricFamily LOAD5 = family("node_load5", GAUGE, "5m load average.");
    public static final MetricFamily LOAD15 = family("node_load15", GAUGE, "15m load average.");
    public static final MetricFamily MEMORY_AVAILABLE = family("node_memory_MemAvailable_bytes", GAUGE,
            "Memory information field MemAvailable_bytes.");
    public static final MetricFamily MEMORY_TOTAL = family("node_memory_MemTotal_bytes", GAUGE,
            "Memory information field MemTotal_bytes.");
    public static final MetricFamily CONTEXT_SWITCHES = family("node_context_switches_total", COUNTER,
            "Total number of context switches.");
    public static final MetricFamily INTERRUPTS = family("node_intr_total", COUNTER,
            "Total number of interrupts serviced.");
    /** Label {@code device} (the interface). */
    public static final MetricFamily NETWORK_RECEIVE_BYTES = family("node_network_receive_bytes_total", COUNTER,
            "Network device statistic receive_bytes.");
    public static final MetricFamily NETWORK_TRANSMIT_BYTES = family("node_network_transmit_bytes_total", COUNTER,
            "Network device statistic transmit_bytes.");
    /** Labels {@code device}, {@code fstype}, {@code mountpoint}. */
    public static final MetricFamily FILESYSTEM_AVAIL = family("node_filesystem_avail_bytes", GAUGE,
            "Filesystem space available to non-root users in bytes.");
    public static final MetricFamily FILESYSTEM_SIZE = family("node_filesystem_size_bytes", GAUGE,
            "Filesystem size in bytes.");

    private NodeFamilies() {
    }

    private static MetricFamily family(String name, MetricType type, String help) {
        return new MetricFamily(name, type, help);
    }
}
