package io.quayside.agent.cgroups;

import io.quayside.agent.DemoContainers;
import io.quayside.agent.network.NetworkSampler;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.OpenContainerFiles;
import io.quayside.agent.sweep.SampleCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The samplers on this host's real runc containers (the demo's web, cache and burner), at the cgroup
 * paths and init pid runc records in its state. The burner gets a CPU quota, so that the CFS figures
 * that cAdvisor only reports for limited containers appear and move.
 */
class RealContainerCgroupsTest {
    private static final List<String> EVERY_CONTAINER_FAMILY = List.of(
            "container_cpu_usage_seconds_total", "container_cpu_user_seconds_total", "container_cpu_system_seconds_total",
            "container_memory_usage_bytes", "container_memory_working_set_bytes", "container_memory_rss",
            "container_memory_cache", "container_memory_swap", "container_memory_mapped_file", "container_memory_failcnt",
            "container_memory_max_usage_bytes", "container_memory_failures_total", "container_processes",
            "container_threads", "container_spec_cpu_period", "container_spec_cpu_shares",
            "container_spec_memory_limit_bytes", "container_start_time_seconds");
    private static final List<String> LIMITED_CPU_FAMILIES = List.of("container_spec_cpu_quota",
            "container_cpu_cfs_periods_total", "container_cpu_cfs_throttled_periods_total",
            "container_cpu_cfs_throttled_seconds_total");

    @TempDir
    Path work;

    @Test
    void everyFamilyOfEveryDemoContainer() throws Exception {
        try (DemoContainers demo = DemoContainers.start(work)) {
            CgroupLayout layout = CgroupMounts.read(Path.of("/proc/self/mountinfo")).layout();
            List<CgroupSampler> samplers = new ArrayList<>(CgroupSamplers.forLayout(layout));
            samplers.add(new NetworkSampler(Path.of("/proc")));
            Map<String, HostContainer> containers = new HashMap<>();
            for (String name : List.of("web", "cache", "burner")) {
                containers.put(name, RuncState.read(demo.runcRoot.resolve(demo.prefix + name).resolve("state.json"), Path.of("/")));
            }
            Files.writeString(Path.of(containers.get("burner").cgroupPaths().get("cpu"), "cpu.cfs_quota_us"), "50000");
            Thread.sleep(1500); // let the burner burn into its quota

            Map<String, Map<String, Double>> seriesByName = new HashMap<>();
            for (var container : containers.entrySet()) {
                SampleCollector out = Fixtures.sample(samplers, container.getValue());
                assertThat(out.readErrors()).as(container.getKey()).isEmpty();
                seriesByName.put(container.getKey(), Fixtures.series(out));
            }
            seriesByName.forEach((name, series) -> System.out.println(name + " " + series));
            System.out.printf("layout %s: %.1f µs CPU per container per sweep (warm)%n", layout, cpuMicrosPerContainer(samplers, containers));

            seriesByName.forEach((name, series) -> {
                assertThat(families(series)).as(name).containsAll(EVERY_CONTAINER_FAMILY);
                // the demo containers have only lo: no network series rather than zeros
                assertThat(families(series)).as(name).noneMatch(family -> family.startsWith("container_network_"));
                assertThat(series.get("container_memory_usage_bytes{}")).as(name).isPositive();
                assertThat(series.get("container_memory_working_set_bytes{}")).as(name).isBetween(0.0, series.get("container_memory_usage_bytes{}"));
                assertThat(series.get("container_processes{}")).as(name).isGreaterThanOrEqualTo(1);
                assertThat(series.get("container_threads{}")).as(name).isGreaterThanOrEqualTo(series.get("container_processes{}"));
                assertThat(series.get("container_spec_cpu_period{}")).as(name).isEqualTo(100000.0);
                assertThat(series.get("container_spec_memory_limit_bytes{}")).as(name + ": unlimited").isZero();
                assertThat(series.get("container_start_time_seconds{}")).as(name)
                        .isEqualTo((double) containers.get(name).createdAt().getEpochSecond());
            });
            Map<String, Double> burner = seriesByName.get("burner");
            assertThat(burner.get("container_cpu_usage_seconds_total{cpu=total}")).isGreaterThan(0.5)
                    .isGreaterThan(seriesByName.get("cache").get("container_cpu_usage_seconds_total{cpu=total}"));
            assertThat(families(burner)).containsAll(LIMITED_CPU_FAMILIES);
            assertThat(burner.get("container_spec_cpu_quota{}")).isEqualTo(50000.0);
            assertThat(burner.get("container_cpu_cfs_throttled_periods_total{}")).isPositive();
            assertThat(burner.get("container_cpu_cfs_throttled_seconds_total{}")).isPositive();
            assertThat(families(seriesByName.get("web"))).doesNotContainAnyElementsOf(LIMITED_CPU_FAMILIES);
        }
    }

    /** Not asserted (shared CI cores vary); printed so the per-container cost can be watched. Files kept open, as the agent does. */
    private static double cpuMicrosPerContainer(List<CgroupSampler> samplers, Map<String, HostContainer> containers) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int sweeps = 2000;
        long start = 0;
        try (OpenContainerFiles files = new OpenContainerFiles(1000)) {
            for (int i = -sweeps; i < sweeps; i++) { // the first half warms the JIT up
                if (i == 0) {
                    start = threads.getCurrentThreadCpuTime();
                }
                containers.values().forEach(container -> Fixtures.sample(samplers, container, files.of(container)));
            }
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e3 / sweeps / containers.size();
    }

    private static List<String> families(Map<String, Double> series) {
        return series.keySet().stream().map(key -> key.substring(0, key.indexOf('{'))).distinct().toList();
    }
}
