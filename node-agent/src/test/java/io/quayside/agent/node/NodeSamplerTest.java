package io.quayside.agent.node;

import io.quayside.agent.cgroups.Fixtures;
import io.quayside.agent.sweep.SampleCollector;
import io.quayside.model.ContainerLabels;
import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

class NodeSamplerTest {
    private static final Path PROC = Fixtures.root("node").resolve("proc");

    @TempDir
    Path dir;

    @Test
    void recordedProcFilesGiveNodeExporterFigures() {
        SampleCollector out = sample(PROC, Fixtures.root("node"));
        Map<String, Double> series = Fixtures.series(out);

        Map<String, Double> withoutFilesystems = new TreeMap<>(series);
        withoutFilesystems.keySet().removeIf(key -> key.startsWith("node_filesystem_"));
        assertThat(withoutFilesystems).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("node_cpu_seconds_total{cpu=0,mode=user}", 892.5),
                entry("node_cpu_seconds_total{cpu=0,mode=nice}", 0.0),
                entry("node_cpu_seconds_total{cpu=0,mode=system}", 75.34),
                entry("node_cpu_seconds_total{cpu=0,mode=idle}", 1207.15),
                entry("node_cpu_seconds_total{cpu=0,mode=iowait}", 0.59),
                entry("node_cpu_seconds_total{cpu=0,mode=irq}", 0.0),
                entry("node_cpu_seconds_total{cpu=0,mode=softirq}", 0.29),
                entry("node_cpu_seconds_total{cpu=0,mode=steal}", 0.49),
                entry("node_cpu_seconds_total{cpu=1,mode=user}", 948.08),
                entry("node_cpu_seconds_total{cpu=1,mode=nice}", 0.0),
                entry("node_cpu_seconds_total{cpu=1,mode=system}", 80.52),
                entry("node_cpu_seconds_total{cpu=1,mode=idle}", 1142.4),
                entry("node_cpu_seconds_total{cpu=1,mode=iowait}", 4.26),
                entry("node_cpu_seconds_total{cpu=1,mode=irq}", 0.0),
                entry("node_cpu_seconds_total{cpu=1,mode=softirq}", 1.05),
                entry("node_cpu_seconds_total{cpu=1,mode=steal}", 0.54),
                entry("node_context_switches_total{}", 3355219.0),
                entry("node_intr_total{}", 1242409.0),
                entry("node_load1{}", 2.2),
                entry("node_load5{}", 2.19),
                entry("node_load15{}", 1.82),
                entry("node_memory_MemTotal_bytes{}", 24684084.0 * 1024),
                entry("node_memory_MemAvailable_bytes{}", 24186680.0 * 1024),
                entry("node_network_receive_bytes_total{device=lo}", 1049492.0),
                entry("node_network_transmit_bytes_total{device=lo}", 1049492.0),
                entry("node_network_receive_bytes_total{device=ifb0}", 0.0),
                entry("node_network_transmit_bytes_total{device=ifb0}", 0.0),
                entry("node_network_receive_bytes_total{device=ifb1}", 0.0),
                entry("node_network_transmit_bytes_total{device=ifb1}", 0.0),
                entry("node_network_receive_bytes_total{device=eth0}", 262356191.0),
                entry("node_network_transmit_bytes_total{device=eth0}", 1823422.0)));
        assertThat(out.readErrors()).isEmpty();
    }

    /** Of the recorded mounts only the root filesystem is real; its sizes are those of the disk holding the fixture. */
    @Test
    void onlyRealFilesystemsAreMeasured() {
        SampleCollector out = sample(PROC, Fixtures.root("node"));
        assertThat(Fixtures.series(out).keySet()).filteredOn(key -> key.startsWith("node_filesystem_")).containsExactlyInAnyOrder(
                "node_filesystem_size_bytes{device=/dev/vda,fstype=ext4,mountpoint=/}",
                "node_filesystem_avail_bytes{device=/dev/vda,fstype=ext4,mountpoint=/}");
        Map<String, Double> series = Fixtures.series(out);
        double size = series.get("node_filesystem_size_bytes{device=/dev/vda,fstype=ext4,mountpoint=/}");
        assertThat(size).isPositive();
        assertThat(series.get("node_filesystem_avail_bytes{device=/dev/vda,fstype=ext4,mountpoint=/}")).isBetween(0.0, size);
    }

    @Test
    void excludesNodeExportersPseudoFilesystemsAndCountsAVanishedMount() throws IOException {
        Files.createDirectories(dir.resolve("proc/1"));
        Files.createDirectories(dir.resolve("root/data"));
        Files.writeString(dir.resolve("proc/1/mounts"), """
                /dev/sda1 / ext4 rw 0 0
                /dev/sda1 / ext4 rw 0 0
                /dev/sdb1 /data xfs rw 0 0
                /dev/sdc1 /gone xfs rw 0 0
                tmpfs /run tmpfs rw 0 0
                tmpfs /run/credentials/getty.service tmpfs rw 0 0
                overlay /var/lib/docker/overlay2/abc/merged overlay rw 0 0
                /dev/sda1 /var/lib/docker/containers/abc/hostname ext4 rw 0 0
                proc /proc proc rw 0 0
                tmpfs /dev/shm tmpfs rw 0 0
                cgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0
                nsfs /run/netns/x nsfs rw 0 0
                garbage
                """);
        Files.createDirectories(dir.resolve("root/run"));
        SampleCollector out = collector();
        new MountedFilesystems(dir.resolve("proc"), dir.resolve("root")).sample(out);

        assertThat(out.samples()).extracting(sample -> sample.labels().get("mountpoint")).containsOnly("/", "/data", "/run");
        assertThat(out.samples()).hasSize(6);
        assertThat(out.readErrors()).containsExactly(entry("missing_file", 1), entry("unparsable", 1));
    }

    @Test
    void thisMachinesProcIsSane() {
        SampleCollector out = sample(Path.of("/proc"), Path.of("/"));
        Map<String, Double> series = Fixtures.series(out);
        int cpus = Runtime.getRuntime().availableProcessors();

        assertThat(series.keySet()).filteredOn(key -> key.startsWith("node_cpu_seconds_total{")).hasSizeGreaterThanOrEqualTo(8 * cpus);
        assertThat(series.get("node_cpu_seconds_total{cpu=0,mode=idle}")).isPositive();
        assertThat(series.get("node_load1{}")).isBetween(0.0, 1000.0);
        double total = series.get("node_memory_MemTotal_bytes{}");
        assertThat(total).isGreaterThan(64.0 * 1024 * 1024);
        assertThat(series.get("node_memory_MemAvailable_bytes{}")).isBetween(0.0, total);
        assertThat(series.get("node_context_switches_total{}")).isPositive();
        assertThat(series.get("node_intr_total{}")).isPositive();
        assertThat(series).containsKey("node_network_receive_bytes_total{device=lo}");
        assertThat(series.keySet()).anyMatch(key -> key.startsWith("node_filesystem_size_bytes{") && key.endsWith("mountpoint=/}"));
        assertThat(out.samples()).allSatisfy(NodeSamplerTest::hasNodeLabelsOnly);
        assertThat(out.readErrors()).isEmpty();
    }

    private static void hasNodeLabelsOnly(Sample sample) {
        assertThat(sample.labels().get(ContainerLabels.NODE)).isEqualTo("node-1");
        assertThat(sample.labels().get(ContainerLabels.ID)).isNull();
    }

    private static SampleCollector sample(Path proc, Path rootFs) {
        SampleCollector out = collector();
        new NodeSampler(proc, rootFs).sample(out);
        return out;
    }

    private static SampleCollector collector() {
        return new SampleCollector(Labels.of(ContainerLabels.NODE, "node-1"), 1_000L);
    }
}
