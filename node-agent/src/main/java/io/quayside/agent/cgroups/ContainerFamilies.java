package io.quayside.agent.cgroups;

import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;

/** The container metric families, with cAdvisor's names, types and help so existing dashboards work. */
public final class ContainerFamilies {
    public static final MetricFamily CPU_USAGE = new MetricFamily("container_cpu_usage_seconds_total",
            MetricType.COUNTER, "Cumulative cpu time consumed in seconds.");
    public static final MetricFamily MEMORY_USAGE = new MetricFamily("container_memory_usage_bytes",
            MetricType.GAUGE, "Current memory usage in bytes, including all memory regardless of when it was accessed");
    public static final MetricFamily LAST_SEEN = new MetricFamily("container_last_seen",
            MetricType.GAUGE, "Last time a container was seen by the exporter");

    private ContainerFamilies() {
    }
}
