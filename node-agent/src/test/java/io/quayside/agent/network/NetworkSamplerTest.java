package io.quayside.agent.network;

import io.quayside.agent.cgroups.Fixtures;
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

class NetworkSamplerTest {
    @TempDir
    Path proc;

    @Test
    void countsEveryInterfaceButLoopback() {
        SampleCollector out = sample(Fixtures.root("cgroup-v2").resolve("proc"), Fixtures.container("cgroup-v2", "api"));

        assertThat(Fixtures.series(out)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("container_network_receive_bytes_total{interface=eth0}", 1536000.0),
                entry("container_network_receive_packets_total{interface=eth0}", 1200.0),
                entry("container_network_receive_errors_total{interface=eth0}", 1.0),
                entry("container_network_receive_packets_dropped_total{interface=eth0}", 2.0),
                entry("container_network_transmit_bytes_total{interface=eth0}", 512000.0),
                entry("container_network_transmit_packets_total{interface=eth0}", 900.0),
                entry("container_network_transmit_errors_total{interface=eth0}", 3.0),
                entry("container_network_transmit_packets_dropped_total{interface=eth0}", 4.0)));
        assertThat(out.readErrors()).isEmpty();
    }

    @Test
    void recordedDemoContainerWithOnlyLoopbackHasNoNetworkSeries() {
        SampleCollector out = sample(Fixtures.root("cgroup-v1").resolve("proc"), Fixtures.container("cgroup-v1", "fx-web"));
        assertThat(out.samples()).isEmpty();
        assertThat(out.readErrors()).isEmpty();
    }

    @Test
    void aMalformedFileIsNotTrustedAtAll() throws IOException {
        Files.createDirectories(proc.resolve("7/net"));
        Files.writeString(proc.resolve("7/net/dev"), """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                  eth0: 100 1 0 0 0 0 0 0 200 2 0 0 0 0 0 0
                  eth1: 100 1 0 0 0 0 0
                """);
        SampleCollector out = sample(proc, container(7));
        assertThat(out.samples()).isEmpty();
        assertThat(out.readErrors()).containsExactly(entry("unparsable", 1));
    }

    @Test
    void aGoneProcessIsCountedAndAContainerWithoutProcessSkipped() {
        assertThat(sample(proc, container(99)).readErrors()).containsExactly(entry("missing_file", 1));
        SampleCollector none = sample(proc, container(0));
        assertThat(none.samples()).isEmpty();
        assertThat(none.readErrors()).isEmpty();
    }

    private static SampleCollector sample(Path procRoot, HostContainer container) {
        SampleCollector out = Fixtures.collector(container);
        new NetworkSampler(procRoot).sample(container, out);
        return out;
    }

    private static HostContainer container(int pid) {
        return new HostContainer("c", "c", "img", Map.of(), "runc", pid, Map.of(), Instant.EPOCH);
    }
}
