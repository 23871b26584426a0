package io.quayside.agent.bench;

import io.quayside.agent.cgroups.CgroupMounts;
import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.CgroupSamplers;
import io.quayside.agent.cgroups.ContainerFamilies;
import io.quayside.agent.cgroups.Fixtures;
import io.quayside.agent.network.NetworkSampler;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.OpenContainerFiles;
import io.quayside.agent.sweep.ProcessLimits;
import io.quayside.agent.sweep.SampleCollector;
import io.quayside.agent.sweep.SeriesLabels;
import io.quayside.model.Labels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one sweep's sampling per container: every sampler the agent wires (the layout's
 * cgroup samplers and the network sampler) over N containers replicated from a recorded fixture,
 * on one thread, as a sampling thread of a sweep runs them. One operation is one container.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SweepCostBenchmark {
    @Benchmark
    @OperationsPerInvocation(10)
    public void containers10(Host10 host, Blackhole out) {
        host.sweep(out);
    }

    @Benchmark
    @OperationsPerInvocation(100)
    public void containers100(Host100 host, Blackhole out) {
        host.sweep(out);
    }

    @Benchmark
    @OperationsPerInvocation(1000)
    public void containers1000(Host1000 host, Blackhole out) {
        host.sweep(out);
    }

    /** JMH needs the number of operations as a constant, hence one state class per host size. */
    public static class Host10 extends Host {
        public Host10() {
            super(10);
        }
    }

    public static class Host100 extends Host {
        public Host100() {
            super(100);
        }
    }

    public static class Host1000 extends Host {
        public Host1000() {
            super(1000);
        }
    }

    @State(Scope.Benchmark)
    public abstract static class Host {
        /** {@code hybrid}: the v1 controllers as on the development host; {@code cgroup-v2}: the unified hierarchy. */
        @Param({"hybrid", "cgroup-v2"})
        public String fixture;

        /** The agent's default ({@code quayside.agent.max-open-files}); 0 opens every file for each read, as before it. */
        @Param({"16384"})
        public int maxOpenFiles;

        private final int size;
        private final List<Labels> labels = new ArrayList<>();
        private ReplicatedFixtureTree tree;
        private List<CgroupSampler> samplers;
        private OpenContainerFiles files;
        private long sweeps;

        Host(int size) {
            this.size = size;
        }

        @Setup(Level.Trial)
        public void buildTree() throws IOException {
            tree = new ReplicatedFixtureTree(fixture, fixture.equals("hybrid") ? List.of("fx-web", "fx-burner") : List.of("api", "batch"),
                    size);
            CgroupMounts mounts = CgroupMounts.read(Fixtures.root(fixture).resolve("proc/self/mountinfo"));
            samplers = new ArrayList<>(CgroupSamplers.forLayout(mounts.layout(), tree.sysRoot()));
            samplers.add(new NetworkSampler(tree.procRoot()));
            files = new OpenContainerFiles(OpenContainerFiles.budget(maxOpenFiles, ProcessLimits.openFiles(Path.of("/proc/self/limits"))));
            SeriesLabels seriesLabels = new SeriesLabels(List.of());
            for (HostContainer container : tree.containers()) {
                labels.add(seriesLabels.of(container, "local", "bench-node"));
            }
        }

        @TearDown(Level.Trial)
        public void removeTree() {
            files.close();
            tree.close();
        }

        /** Each container as {@code Sweeper} samples it: a fresh collector on its kept files, every sampler, the last-seen time. */
        void sweep(Blackhole out) {
            long timestampMs = 1_800_000_000_000L + 10_000 * sweeps++;
            List<HostContainer> all = tree.containers();
            for (int i = 0; i < all.size(); i++) {
                HostContainer container = all.get(i);
                SampleCollector collector = new SampleCollector(labels.get(i), timestampMs, files.of(container));
                for (CgroupSampler sampler : samplers) {
                    sampler.sample(container, collector);
                }
                collector.add(ContainerFamilies.LAST_SEEN, timestampMs / 1000);
                out.consume(collector);
            }
        }
    }
}
