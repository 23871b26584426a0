package io.quayside.agent.cgroups;

import io.quayside.agent.sweep.SampleCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's runc containers as recorded on a hybrid host (see fixtures/README.md), read once with
 * the unified hierarchy hidden (a v1 host) and once with it (hybrid): both take every figure from v1.
 */
class RecordedRuncContainersTest {
    @ParameterizedTest
    @CsvSource({"cgroup-v1, V1", "hybrid, HYBRID"})
    void webDidDiskIoAndRunsUnlimited(String fixture, CgroupLayout layout) {
        SampleCollector out = sampleRecorded(fixture, layout, "fx-web");

        assertThat(Fixtures.series(out)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("container_cpu_usage_seconds_total{cpu=total}", 0.122206285),
                entry("container_cpu_user_seconds_total{}", 0.01),
                entry("container_cpu_system_seconds_total{}", 0.1),
                entry("container_spec_cpu_period{}", 100000.0),
                entry("container_spec_cpu_shares{}", 1024.0),
                entry("container_memory_usage_bytes{}", 823296.0),
                entry("container_memory_max_usage_bytes{}", 2519040.0),
                entry("container_memory_failcnt{}", 0.0),
                entry("container_spec_memory_limit_bytes{}", 0.0),
                entry("container_memory_rss{}", 114688.0),
                entry("container_memory_cache{}", 4096.0),
                entry("container_memory_swap{}", 0.0),
                entry("container_memory_mapped_file{}", 0.0),
                entry("container_memory_working_set_bytes{}", 823296.0),
                entry("container_memory_failures_total{failure_type=pgfault,scope=container}", 9608.0),
                entry("container_memory_failures_total{failure_type=pgfault,scope=hierarchy}", 9608.0),
                entry("container_memory_failures_total{failure_type=pgmajfault,scope=container}", 0.0),
                entry("container_memory_failures_total{failure_type=pgmajfault,scope=hierarchy}", 0.0),
                entry("container_fs_reads_total{device=/dev/vda}", 100.0),
                entry("container_fs_writes_total{device=/dev/vda}", 256.0),
                entry("container_fs_reads_bytes_total{device=/dev/vda}", 409600.0),
                entry("container_fs_writes_bytes_total{device=/dev/vda}", 1048576.0),
                entry("container_processes{}", 2.0),
                entry("container_threads{}", 2.0),
                entry("container_start_time_seconds{}", 1795244410.0)));
        assertThat(out.readErrors()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"cgroup-v1, V1", "hybrid, HYBRID"})
    void burnerIsThrottledByItsQuotaAndDidNoDiskIo(String fixture, CgroupLayout layout) {
        SampleCollector out = sampleRecorded(fixture, layout, "fx-burner");

        assertThat(Fixtures.series(out)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("container_cpu_usage_seconds_total{cpu=total}", 118.3301517),
                entry("container_cpu_user_seconds_total{}", 118.23),
                entry("container_cpu_system_seconds_total{}", 0.09),
                entry("container_spec_cpu_period{}", 100000.0),
                entry("container_spec_cpu_quota{}", 50000.0),
                entry("container_spec_cpu_shares{}", 1024.0),
                entry("container_cpu_cfs_periods_total{}", 293.0),
                entry("container_cpu_cfs_throttled_periods_total{}", 291.0),
                entry("container_cpu_cfs_throttled_seconds_total{}", 14.038881591),
                entry("container_memory_usage_bytes{}", 311296.0),
                entry("container_memory_max_usage_bytes{}", 2514944.0),
                entry("container_memory_failcnt{}", 0.0),
                entry("container_spec_memory_limit_bytes{}", 0.0),
                entry("container_memory_rss{}", 61440.0),
                entry("container_memory_cache{}", 0.0),
                entry("container_memory_swap{}", 0.0),
                entry("container_memory_mapped_file{}", 0.0),
                entry("container_memory_working_set_bytes{}", 311296.0),
                entry("container_memory_failures_total{failure_type=pgfault,scope=container}", 783.0),
                entry("container_memory_failures_total{failure_type=pgfault,scope=hierarchy}", 783.0),
                entry("container_memory_failures_total{failure_type=pgmajfault,scope=container}", 0.0),
                entry("container_memory_failures_total{failure_type=pgmajfault,scope=hierarchy}", 0.0),
                entry("container_processes{}", 1.0),
                entry("container_threads{}", 1.0),
                entry("container_start_time_seconds{}", 1795244410.0)));
        assertThat(out.readErrors()).isEmpty();
    }

    private static SampleCollector sampleRecorded(String fixture, CgroupLayout layout, String id) {
        CgroupMounts mounts = CgroupMounts.read(Fixtures.root(fixture).resolve("proc/self/mountinfo"));
        assertThat(mounts.layout()).isEqualTo(layout);
        List<CgroupSampler> samplers = CgroupSamplers.forLayout(mounts.layout(), Fixtures.root(fixture).resolve("sys"));
        return Fixtures.sample(samplers, Fixtures.container(fixture, id));
    }
}
