package io.quayside.agent.cgroups;

import io.quayside.agent.sweep.SampleCollector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** Two containers on a unified hierarchy, written from the kernel's cgroup-v2 file formats (fixtures/README.md). */
class CgroupV2SamplersTest {
    private static final String FIXTURE = "cgroup-v2";

    @Test
    void limitedContainerMapsV2FilesOntoCadvisorFigures() {
        SampleCollector out = sample("api");

        assertThat(Fixtures.series(out)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("container_cpu_usage_seconds_total{cpu=total}", 8.5),
                entry("container_cpu_user_seconds_total{}", 6.25),
                entry("container_cpu_system_seconds_total{}", 2.25),
                entry("container_spec_cpu_period{}", 100000.0),
                entry("container_spec_cpu_quota{}", 50000.0),
                entry("container_spec_cpu_shares{}", 998.0),
                entry("container_cpu_cfs_periods_total{}", 1200.0),
                entry("container_cpu_cfs_throttled_periods_total{}", 300.0),
                entry("container_cpu_cfs_throttled_seconds_total{}", 4.5),
                entry("container_memory_usage_bytes{}", 209715200.0),
                entry("container_memory_max_usage_bytes{}", 268435456.0),
                entry("container_memory_swap{}", 1048576.0),
                entry("container_spec_memory_limit_bytes{}", 536870912.0),
                entry("container_memory_rss{}", 104857600.0),
                entry("container_memory_cache{}", 94371840.0),
                entry("container_memory_mapped_file{}", 20971520.0),
                entry("container_memory_working_set_bytes{}", 146800640.0),
                entry("container_memory_failures_total{failure_type=pgfault,scope=container}", 51234.0),
                entry("container_memory_failures_total{failure_type=pgfault,scope=hierarchy}", 51234.0),
                entry("container_memory_failures_total{failure_type=pgmajfault,scope=container}", 17.0),
                entry("container_memory_failures_total{failure_type=pgmajfault,scope=hierarchy}", 17.0),
                entry("container_fs_reads_bytes_total{device=/dev/vda}", 4194304.0),
                entry("container_fs_writes_bytes_total{device=/dev/vda}", 1048576.0),
                entry("container_fs_reads_total{device=/dev/vda}", 96.0),
                entry("container_fs_writes_total{device=/dev/vda}", 256.0),
                entry("container_fs_reads_bytes_total{device=7:3}", 8192.0),
                entry("container_fs_writes_bytes_total{device=7:3}", 0.0),
                entry("container_fs_reads_total{device=7:3}", 2.0),
                entry("container_fs_writes_total{device=7:3}", 0.0),
                entry("container_processes{}", 3.0),
                entry("container_threads{}", 7.0),
                entry("container_start_time_seconds{}", 1795166130.0)));
        assertThat(out.readErrors()).isEmpty();
    }

    @Test
    void unlimitedContainerOnAnOlderKernelLeavesOutWhatItLacks() {
        SampleCollector out = sample("batch");

        // no memory.peak (before Linux 5.19), no swap accounting, no quota: left out, not zero
        assertThat(Fixtures.series(out)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("container_cpu_usage_seconds_total{cpu=total}", 0.25),
                entry("container_cpu_user_seconds_total{}", 0.2),
                entry("container_cpu_system_seconds_total{}", 0.05),
                entry("container_spec_cpu_period{}", 100000.0),
                entry("container_spec_cpu_shares{}", 2597.0),
                entry("container_memory_usage_bytes{}", 4096.0),
                entry("container_spec_memory_limit_bytes{}", 0.0),
                entry("container_memory_rss{}", 0.0),
                entry("container_memory_cache{}", 8192.0),
                entry("container_memory_mapped_file{}", 0.0),
                entry("container_memory_working_set_bytes{}", 0.0),
                entry("container_memory_failures_total{failure_type=pgfault,scope=container}", 100.0),
                entry("container_memory_failures_total{failure_type=pgfault,scope=hierarchy}", 100.0),
                entry("container_memory_failures_total{failure_type=pgmajfault,scope=container}", 0.0),
                entry("container_memory_failures_total{failure_type=pgmajfault,scope=hierarchy}", 0.0),
                entry("container_processes{}", 1.0),
                entry("container_threads{}", 1.0),
                entry("container_start_time_seconds{}", 1795168800.0)));
        assertThat(out.readErrors()).isEmpty();
    }

    private static SampleCollector sample(String id) {
        CgroupMounts mounts = CgroupMounts.read(Fixtures.root(FIXTURE).resolve("proc/self/mountinfo"));
        assertThat(mounts.layout()).isEqualTo(CgroupLayout.V2);
        List<CgroupSampler> samplers = CgroupSamplers.forLayout(mounts.layout(), Fixtures.root(FIXTURE).resolve("sys"));
        return Fixtures.sample(samplers, Fixtures.container(FIXTURE, id));
    }
}
