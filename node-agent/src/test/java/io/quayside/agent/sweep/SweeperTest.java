package io.quayside.agent.sweep;

import io.quayside.agent.TestClock;
import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.ContainerFamilies;
import io.quayside.agent.runtimes.ListedRuntime;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.metrics.AgentMetrics;
import io.quayside.model.ContainerEvent;
import io.quayside.model.MetricFamily;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Sweep logic over containers whose cgroup files are written by the test. */
class SweeperTest {
    @TempDir
    Path cgroups;

    private final TestClock clock = new TestClock();
    private final ListedRuntime runtime = new ListedRuntime();
    private final ParallelSampling sampling = new ParallelSampling(2, Duration.ofMillis(500));
    /** Two figures read the way every sampler reads: through the collector, which counts what fails. */
    private final CgroupSampler usage = (container, out) -> {
        out.readLong(container.cgroupPaths().get("cpuacct") + "/cpuacct.usage")
                .ifPresent(nanos -> out.add(ContainerFamilies.CPU_USAGE, nanos / 1e9));
        out.readLong(container.cgroupPaths().get("memory") + "/memory.usage_in_bytes")
                .ifPresent(bytes -> out.add(ContainerFamilies.MEMORY_USAGE, bytes));
    };
    private final OpenContainerFiles files = new OpenContainerFiles(100);
    private final Sweeper sweeper = new Sweeper(List.of(runtime), List.of(usage),
            new AgentIdentity("node-1", "local", "io.quayside.tenant", "1.0"), clock, Duration.ofMinutes(5),
            sampling, new AgentMetrics(), new SeriesLabels(List.of("app", "com.example.service=service")), Optional.empty(),
            files);

    @AfterEach
    void stopSampling() {
        sampling.close();
        files.close();
    }

    private static List<Sample> containerSamples(SampleBatch batch) {
        return batch.samples().stream().filter(sample -> sample.labels().get("id") != null).toList();
    }

    private HostContainer container(String id, Map<String, String> labels, long cpuNanos, long memoryBytes) throws Exception {
        Path cpu = Files.createDirectories(cgroups.resolve("cpuacct").resolve(id));
        Path memory = Files.createDirectories(cgroups.resolve("memory").resolve(id));
        Files.writeString(cpu.resolve("cpuacct.usage"), cpuNanos + "\n");
        Files.writeString(memory.resolve("memory.usage_in_bytes"), memoryBytes + "\n");
        return new HostContainer(id, "name-" + id, "img", labels, "test", 1, Map.of("cpuacct", cpu.toString(), "memory", memory.toString()), clock.instant());
    }

    @Test
    void oneBatchPerTenantChosenByContainerLabel() throws Exception {
        runtime.add(container("a", Map.of(), 1_500_000_000L, 4096));
        runtime.add(container("b", Map.of("io.quayside.tenant", "team-b"), 2_000_000_000L, 8192));

        SweepResult result = sweeper.sweep();

        assertThat(result.batches()).extracting(SampleBatch::tenant).containsExactly("local", "team-b");
        SampleBatch local = result.batches().get(0);
        assertThat(local.node()).isEqualTo("node-1");
        assertThat(local.agentVersion()).isEqualTo("1.0");
        assertThat(containerSamples(local)).isNotEmpty().allSatisfy(sample -> {
            assertThat(sample.labels().get("id")).isEqualTo("a");
            assertThat(sample.timestampMs()).isEqualTo(clock.millis());
        });
        assertThat(containerSamples(result.batches().get(1))).isNotEmpty()
                .allSatisfy(sample -> assertThat(sample.labels().get("id")).isEqualTo("b"));
        assertThat(local.samples()).anySatisfy(sample -> {
            assertThat(sample.metricName()).isEqualTo("container_cpu_usage_seconds_total");
            assertThat(sample.value()).isEqualTo(1.5);
        });
        assertThat(result.events()).extracting(ContainerEvent::tenant).containsExactlyInAnyOrder("local", "team-b");
    }

    @Test
    void unreadableFiguresAreCountedAndLeftOutNeverZero() throws Exception {
        HostContainer container = container("a", Map.of(), 1, 1);
        Files.delete(Path.of(container.cgroupPaths().get("memory"), "memory.usage_in_bytes"));
        Files.writeString(Path.of(container.cgroupPaths().get("cpuacct"), "cpuacct.usage"), "garbage");
        runtime.add(container);

        SweepResult result = sweeper.sweep();

        assertThat(result.readErrors()).isEqualTo(Map.of("missing_file", 1, "unparsable", 1));
        assertThat(containerSamples(result.batches().get(0))).extracting(Sample::metricName).containsExactly("container_last_seen");
    }

    @Test
    void filesStayOpenBetweenSweepsShowNewContentAndCloseWhenTheContainerGoes() throws Exception {
        HostContainer container = container("a", Map.of(), 1_000_000_000L, 4096);
        runtime.add(container);
        sweeper.sweep();
        assertThat(files.openFiles()).as("cpuacct.usage and memory.usage_in_bytes").isEqualTo(2);

        Files.writeString(Path.of(container.cgroupPaths().get("cpuacct"), "cpuacct.usage"), "3000000000\n");
        Files.writeString(Path.of(container.cgroupPaths().get("memory"), "memory.usage_in_bytes"), "16384 \n");
        SweepResult second = sweeper.sweep();

        assertThat(containerSamples(second.batches().get(0))).extracting(Sample::metricName, Sample::value).contains(
                tuple("container_cpu_usage_seconds_total", 3.0),
                tuple("container_memory_usage_bytes", 16384.0));
        assertThat(files.openFiles()).isEqualTo(2);

        runtime.remove(container);
        sweeper.sweep();
        assertThat(files.openFiles()).as("the gone container's files are closed").isZero();
    }

    @Test
    void aHungReadIsAbandonedAtTheDeadlineAndTheOthersStillGoOut() throws Exception {
        HostContainer hung = container("hung", Map.of(), 1, 1);
        Path memory = Path.of(hung.cgroupPaths().get("memory"), "memory.usage_in_bytes");
        Files.delete(memory);
        // Opening a FIFO that nobody writes blocks in the kernel, as a read of a frozen cgroup does.
        assertThat(new ProcessBuilder("mkfifo", memory.toString()).start().waitFor()).isZero();
        runtime.add(hung);
        runtime.add(container("fine", Map.of(), 2_000_000_000L, 4096));

        long started = System.nanoTime();
        SweepResult result = sweeper.sweep();
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMs).as("the sweep ends at its deadline").isLessThan(5_000);
        assertThat(result.readErrors()).containsEntry("timeout", 1);
        assertThat(containerSamples(result.batches().get(0))).extracting(sample -> sample.labels().get("id")).containsOnly("fine");
        try (var release = Files.newOutputStream(memory)) {
            release.write("1\n".getBytes()); // lets the stuck reader finish
        }
    }

    @Test
    void theAgentsOwnFiguresTravelWithTheDefaultTenant() throws Exception {
        runtime.add(container("a", Map.of("io.quayside.tenant", "team-b"), 1, 1));
        sweeper.sweep();
        SweepResult second = sweeper.sweep();
        SampleBatch local = second.batches().stream().filter(batch -> batch.tenant().equals("local")).findFirst().orElseThrow();
        assertThat(local.samples()).anySatisfy(sample -> {
            assertThat(sample.metricName()).isEqualTo("quayside_agent_sweep_seconds_count");
            assertThat(sample.labels().get("runtime")).isEqualTo("test");
            assertThat(sample.labels().get("node")).isEqualTo("node-1");
            assertThat(sample.value()).as("two sweeps so far").isEqualTo(2);
        });
        assertThat(local.samples()).anySatisfy(sample -> {
            assertThat(sample.metricName()).isEqualTo("quayside_agent_containers");
            assertThat(sample.value()).isEqualTo(1);
        });
        assertThat(local.families()).extracting(MetricFamily::name).contains("quayside_agent_samples_total");
    }

    @Test
    void onlyAllowListedContainerLabelsBecomeSeriesLabels() throws Exception {
        runtime.add(container("a", Map.of("app", "shop", "com.example.service", "cart", "git.sha", "0badc0de"), 1, 1));
        Sample cpu = containerSamples(sweeper.sweep().batches().get(0)).get(0);
        assertThat(cpu.labels().toMap()).containsEntry("container_label_app", "shop").containsEntry("service", "cart")
                .containsEntry("tenant", "local").containsEntry("name", "name-a").containsEntry("image", "img")
                .doesNotContainKey("git.sha").doesNotContainKey("git_sha").doesNotContainKey("container_label_git_sha");
    }

    @Test
    void aContainerTwoRuntimesReportCountsOnce() throws Exception {
        HostContainer a = container("a", Map.of(), 1, 1);
        Sweeper twice = new Sweeper(List.of(runtime, runtime), List.of(usage), new AgentIdentity("node-1", "local", "t", "1"),
                clock, Duration.ofMinutes(5), sampling, new AgentMetrics(), new SeriesLabels(List.of()), Optional.empty(),
                new OpenContainerFiles(100));
        runtime.add(a);
        SweepResult result = twice.sweep();
        assertThat(result.events()).hasSize(1);
        assertThat(containerSamples(result.batches().get(0))).hasSize(3);
    }

    @Test
    void containerWithAnInvalidTenantIsSkippedAndCounted() throws Exception {
        runtime.add(container("a", Map.of("io.quayside.tenant", "Not A Tenant!"), 1, 1));
        runtime.add(container("b", Map.of(), 1, 1));

        SweepResult result = sweeper.sweep();

        assertThat(result.readErrors()).containsEntry("invalid_container", 1);
        assertThat(result.events()).extracting(ContainerEvent::containerId).containsExactly("b");
    }

    @Test
    void resyncSendsEveryLiveContainerAgainUnchanged() throws Exception {
        runtime.add(container("a", Map.of(), 1, 1));
        ContainerEvent started = sweeper.sweep().events().get(0);

        clock.advance(Duration.ofMinutes(4));
        assertThat(sweeper.sweep().events()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sweeper.sweep().events()).containsExactly(started);
        clock.advance(Duration.ofSeconds(10));
        assertThat(sweeper.sweep().events()).isEmpty();
    }
}
