package io.quayside.agent.cgroups;

import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.SampleCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** Files that are missing or hold garbage are counted by reason and their figures left out, never zero. */
class UnreadableFilesTest {
    @TempDir
    Path dir;

    @Test
    void v1GarbageAndMissingFilesAreCountedAndLeftOut() throws IOException {
        Path cpu = write("cpu/cpu.cfs_quota_us", "20000\n", "cpu/cpu.cfs_period_us", "lots\n", "cpu/cpu.shares", "1024\n",
                "cpu/cpu.stat", "nr_periods 10\nthrottled_time 5000000000\n", "cpu/cgroup.procs", "");
        Path cpuacct = write("cpuacct/cpuacct.usage", "not-a-number\n", "cpuacct/cpuacct.stat", "user 250\nsystem x\n");
        Path memory = write("memory/memory.usage_in_bytes", "1000\n", "memory/memory.stat", "total_rss 600\ntotal_cache 10\n");
        Path blkio = write("blkio/blkio.throttle.io_serviced", "8:0 Read many\n8:0 Write 4\nTotal 4\n",
                "blkio/blkio.throttle.io_service_bytes", "8:0 Read 512\n8:0 Write 4096\nTotal 4608\n");
        HostContainer container = container(Map.of("cpu", cpu.toString(), "cpuacct", cpuacct.toString(),
                "memory", memory.toString(), "blkio", blkio.toString(), "pids", dir.resolve("pids").toString()));

        SampleCollector out = Fixtures.sample(CgroupSamplers.forLayout(CgroupLayout.V1, dir.resolve("sys")), container);

        assertThat(Fixtures.series(out)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("container_cpu_user_seconds_total{}", 2.5),
                entry("container_spec_cpu_quota{}", 20000.0),
                entry("container_spec_cpu_shares{}", 1024.0),
                entry("container_cpu_cfs_periods_total{}", 10.0),
                entry("container_cpu_cfs_throttled_seconds_total{}", 5.0),
                entry("container_memory_usage_bytes{}", 1000.0),
                entry("container_memory_rss{}", 600.0),
                entry("container_memory_cache{}", 10.0),
                entry("container_fs_writes_total{device=8:0}", 4.0),
                entry("container_fs_reads_bytes_total{device=8:0}", 512.0),
                entry("container_fs_writes_bytes_total{device=8:0}", 4096.0),
                entry("container_processes{}", 0.0),
                entry("container_start_time_seconds{}", 1700000000.0)));
        assertThat(out.readErrors()).containsExactly(
                // memory.max_usage_in_bytes, .failcnt, .limit_in_bytes, pids.current
                entry("missing_file", 4),
                // nr_throttled; swap, mapped_file, pgfault, pgmajfault, total_inactive_file
                entry("missing_key", 6),
                // cpuacct.usage, cpu.cfs_period_us, "system x", "Read many"
                entry("unparsable", 4));
        // cpu.stat's nr_throttled missing: no throttled periods series rather than a zero
        assertThat(out.samples()).noneMatch(sample -> sample.metricName().equals("container_cpu_cfs_throttled_periods_total"));
    }

    @Test
    void v2GarbageIsCountedAndLeftOut() throws IOException {
        Path unified = write("ctr/cpu.stat", "usage_usec 1000000\nuser_usec garbage\nsystem_usec 0\n",
                "ctr/cpu.max", "fifty 100000\n", "ctr/memory.current", "4096\n", "ctr/memory.max", "lots\n",
                "ctr/io.stat", "8:0 rbytes=1x wbytes=2 rios=3 wios=4\n", "ctr/cgroup.procs", "1\n", "ctr/pids.current", "1\n");
        HostContainer container = container(Map.of(CgroupMounts.UNIFIED, unified.toString()));

        SampleCollector out = Fixtures.sample(CgroupSamplers.forLayout(CgroupLayout.V2, dir.resolve("sys")), container);

        assertThat(Fixtures.series(out)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("container_cpu_usage_seconds_total{cpu=total}", 1.0),
                entry("container_cpu_system_seconds_total{}", 0.0),
                entry("container_memory_usage_bytes{}", 4096.0),
                entry("container_fs_writes_bytes_total{device=8:0}", 2.0),
                entry("container_fs_reads_total{device=8:0}", 3.0),
                entry("container_fs_writes_total{device=8:0}", 4.0),
                entry("container_processes{}", 1.0),
                entry("container_threads{}", 1.0),
                entry("container_start_time_seconds{}", 1700000000.0)));
        assertThat(out.readErrors()).containsExactly(
                entry("missing_file", 2), // cpu.weight, memory.stat
                entry("unparsable", 4)); // user_usec, cpu.max, memory.max, rbytes
    }

    @Test
    void aContainerWithoutCgroupsYieldsOnlyItsStartTime() {
        SampleCollector out = Fixtures.sample(CgroupSamplers.forLayout(CgroupLayout.HYBRID, dir), container(Map.of()));
        assertThat(Fixtures.series(out)).containsOnlyKeys("container_start_time_seconds{}");
        assertThat(out.readErrors()).isEmpty();
    }

    private Path write(String... namesAndContents) throws IOException {
        Path first = null;
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Path file = dir.resolve(namesAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, namesAndContents[i + 1]);
            first = first == null ? file.getParent() : first;
        }
        return first;
    }

    private static HostContainer container(Map<String, String> cgroupPaths) {
        return new HostContainer("c1", "c1", "img", Map.of(), "runc", 0, cgroupPaths, Instant.ofEpochSecond(1_700_000_000L));
    }
}
