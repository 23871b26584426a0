package io.quayside.agent.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.DemoContainers;
import io.quayside.agent.cgroups.CgroupLayout;
import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.CgroupMounts;
import io.quayside.agent.cgroups.CgroupSamplers;
import io.quayside.agent.node.NodeSampler;
import io.quayside.agent.metrics.AgentMetrics;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.runtimes.runc.RuncRuntime;
import io.quayside.model.ContainerEvent;
import io.quayside.model.Labels;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's view of real runc containers: found by runc's state, measured from their cgroups. */
class RealContainerSweepTest {
    @TempDir
    Path work;
    private final ParallelSampling sampling = new ParallelSampling(2, Duration.ofSeconds(5));

    @AfterEach
    void stopSampling() {
        sampling.close();
    }

    @Test
    void findsMeasuresAndSeesDemoContainersGo() throws Exception {
        RuncRuntime runtime;
        Sweeper sweeper;
        OpenContainerFiles files = new OpenContainerFiles(1000);
        OpenContainerFiles keptAfterStop = new OpenContainerFiles(1000);
        HostContainer burner;
        List<CgroupSampler> samplers;
        CgroupLayout layout;
        try (DemoContainers demo = DemoContainers.start(work)) {
            runtime = new RuncRuntime(demo.runcRoot, new ObjectMapper());
            List<HostContainer> found = runtime.containers();
            assertThat(found).extracting(HostContainer::name).containsExactlyInAnyOrder("web", "cache", "burner");
            assertThat(found).allSatisfy(container -> {
                assertThat(container.id()).startsWith(demo.prefix);
                assertThat(container.image()).isEqualTo("busybox:demo");
                assertThat(container.initPid()).isPositive();
                assertThat(container.cgroupPaths()).containsKeys("cpuacct", "memory");
                assertThat(container.labels()).doesNotContainKey("bundle");
            });

            layout = CgroupMounts.read(Path.of("/proc/self/mountinfo")).layout();
            samplers = CgroupSamplers.forLayout(layout);
            sweeper = new Sweeper(List.of(runtime), samplers,
                    new AgentIdentity("node-1", "local", "io.quayside.tenant", "test"), Clock.systemUTC(), Duration.ofMinutes(5),
                    sampling, new AgentMetrics(), new SeriesLabels(List.of()), Optional.of(new NodeSampler(Path.of("/proc"), Path.of("/"))),
                    files);
            Thread.sleep(500); // let the burner burn
            SweepResult first = sweeper.sweep();

            assertThat(first.events()).extracting(ContainerEvent::kind).containsOnly(ContainerEvent.Kind.STARTED).hasSize(3);
            assertThat(first.batches()).hasSize(1);
            SampleBatch batch = first.batches().get(0);
            assertThat(batch.tenant()).isEqualTo("local");
            Map<String, Double> cpuByName = valuesByName(batch, "container_cpu_usage_seconds_total");
            assertThat(cpuByName.keySet()).containsExactlyInAnyOrder("web", "cache", "burner");
            assertThat(cpuByName.get("burner")).isGreaterThan(cpuByName.get("cache"));
            assertThat(valuesByName(batch, "container_memory_usage_bytes").values()).allSatisfy(bytes -> assertThat(bytes).isPositive());
            assertThat(valuesByName(batch, "container_last_seen").values())
                    .containsOnly((double) (batch.sentAtMs() / 1000));
            assertThat(batch.families()).extracting(family -> family.name()).contains(
                    "container_cpu_usage_seconds_total", "container_memory_usage_bytes", "container_last_seen");
            assertThat(first.readErrors()).as("every figure of this kernel was read").isEmpty();
            assertThat(batch.samples()).as("node figures go with the default tenant")
                    .anySatisfy(sample -> assertThat(sample.metricName()).isEqualTo("node_load1"));

            assertThat(files.openFiles()).as("the containers' files stay open").isGreaterThan(3 * 5);

            Thread.sleep(200);
            SweepResult second = sweeper.sweep();
            assertThat(second.events()).as("nothing changed").isEmpty();
            assertThat(valuesByName(second.batches().get(0), "container_cpu_usage_seconds_total").get("burner"))
                    .as("a file kept open shows the kernel's new figure").isGreaterThan(cpuByName.get("burner"));

            burner = found.stream().filter(container -> container.name().equals("burner")).findFirst().orElseThrow();
            samplers.forEach(sampler -> sampler.sample(burner, new SampleCollector(Labels.EMPTY, 0, keptAfterStop.of(burner))));
        }
        SampleCollector gone = new SampleCollector(Labels.EMPTY, 0, keptAfterStop.of(burner));
        // fresh samplers: the shared ones still hold the settings read a moment ago (re-read every minute)
        CgroupSamplers.forLayout(layout).forEach(sampler -> sampler.sample(burner, gone));
        keptAfterStop.close();
        assertThat(gone.readErrors()).as("a removed cgroup's files, though still open, count as missing").containsKey("missing_file");
        assertThat(gone.samples()).extracting(Sample::metricName).as("and no figure is sent as zero")
                .containsOnly("container_start_time_seconds");

        SweepResult afterStop = sweeper.sweep();
        assertThat(afterStop.events()).extracting(ContainerEvent::kind).containsOnly(ContainerEvent.Kind.DESTROYED).hasSize(3);
        assertThat(afterStop.batches()).singleElement().satisfies(batch -> assertThat(batch.samples())
                .as("only the agent's own figures").allSatisfy(sample -> assertThat(sample.labels().get("id")).isNull()));
        assertThat(files.openFiles()).as("the gone containers' files are closed").isZero();
    }

    private static Map<String, Double> valuesByName(SampleBatch batch, String metric) {
        return batch.samples().stream().filter(sample -> metric.equals(sample.metricName()))
                .collect(Collectors.toMap(sample -> sample.labels().get("name"), Sample::value));
    }
}
