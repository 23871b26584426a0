package io.quayside.agent.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.DemoContainers;
import io.quayside.agent.cgroups.CgroupLayout;
import io.quayside.agent.cgroups.CgroupMounts;
import io.quayside.agent.cgroups.CgroupSamplers;
import io.quayside.agent.node.NodeSampler;
import io.quayside.agent.metrics.AgentMetrics;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.runtimes.runc.RuncRuntime;
import io.quayside.model.ContainerEvent;
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

            CgroupLayout layout = CgroupMounts.read(Path.of("/proc/self/mountinfo")).layout();
            sweeper = new Sweeper(List.of(runtime), CgroupSamplers.forLayout(layout),
                    new AgentIdentity("node-1", "local", "io.quayside.tenant", "test"), Clock.systemUTC(), Duration.ofMinutes(5),
                    sampling, new AgentMetrics(), new SeriesLabels(List.of()), Optional.of(new NodeSampler(Path.of("/proc"), Path.of("/"))));
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

            assertThat(sweeper.sweep().events()).as("nothing changed").isEmpty();
        }
        SweepResult afterStop = sweeper.sweep();
        assertThat(afterStop.events()).extracting(ContainerEvent::kind).containsOnly(ContainerEvent.Kind.DESTROYED).hasSize(3);
        assertThat(afterStop.batches()).singleElement().satisfies(batch -> assertThat(batch.samples())
                .as("only the agent's own figures").allSatisfy(sample -> assertThat(sample.labels().get("id")).isNull()));
    }

    private static Map<String, Double> valuesByName(SampleBatch batch, String metric) {
        return batch.samples().stream().filter(sample -> metric.equals(sample.metricName()))
                .collect(Collectors.toMap(sample -> sample.labels().get("name"), Sample::value));
    }
}
