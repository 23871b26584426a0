package io.quayside.functions.bench;

import io.quayside.functions.TestClock;
import io.quayside.functions.evaluate.RuleEvaluation;
import io.quayside.functions.rules.RuleFileException;
import io.quayside.functions.rules.RuleFileParser;
import io.quayside.functions.rules.RuleGroup;
import io.quayside.functions.rules.eval.ExternalContext;
import io.quayside.functions.store.embedded.EmbeddedWindows;
import io.quayside.functions.store.embedded.WindowLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One evaluation round of {@value #RULES} rules ({@link MixedRuleFile}, groups of {@value #GROUP_SIZE})
 * over {@value #METRICS} × {@value #CONTAINERS} series holding an hour at 10 s ({@value #SWEEPS} samples
 * each), through {@link RuleEvaluation#evaluateDue} on {@link EmbeddedWindows} as the runtime does,
 * single-threaded. Before each round one more sweep is ingested (not timed) and the clock moves 10 s,
 * so every group is due and the windows slide. Run with
 * {@code ./mvnw -o -q -pl model,functions process-test-classes -Pbench -Dbench.args=RuleEvaluationBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RuleEvaluationBenchmark {
    static final int METRICS = 1_000;
    static final int CONTAINERS = 100;
    static final int SWEEPS = 360;
    static final int RULES = 1_000;
    static final int GROUP_SIZE = 10;
    static final long STEP_MS = 10_000;
    private static final String TENANT = "bench";
    /** A 10 s boundary, so that every group's slot is the sweep's time. */
    private static final long START_MS = 1_700_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final TestClock clock = new TestClock();
    private final AtomicLong alertsSent = new AtomicLong();
    private Path stateDir;
    private ContainerFleet fleet;
    private EmbeddedWindows windows;
    private RuleEvaluation evaluation;
    private long nowMs;
    private long roundCpuStartNs;

    @Setup(Level.Trial)
    public void fillWindows() throws IOException, RuleFileException {
        long started = System.nanoTime();
        stateDir = Files.createTempDirectory("quayside-rule-bench");
        fleet = new ContainerFleet(METRICS, CONTAINERS);
        windows = new EmbeddedWindows(stateDir, new WindowLimits(3_600_000, SWEEPS, 2 * fleet.seriesCount()), clock);
        nowMs = START_MS;
        for (int i = 0; i < SWEEPS; i++) {
            ingestSweep();
        }
        windows.compact(0);
        List<RuleGroup> groups = RuleFileParser.parse("bench.rules.yml", MixedRuleFile.yaml(RULES, GROUP_SIZE, "10s"));
        evaluation = new RuleEvaluation(Map.of(TENANT, groups), windows, (tenant, alerts) -> alertsSent.addAndGet(alerts.size()),
                ExternalContext.NONE, 60_000);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("%n%d series × %d samples, %d rules in %d groups; set up in %.1f s, heap used %d MB%n",
                fleet.seriesCount(), SWEEPS, RULES, groups.size(), (System.nanoTime() - started) / 1e9,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    @Setup(Level.Iteration)
    public void ingestSweep() {
        nowMs += STEP_MS;
        clock.setMillis(nowMs);
        windows.append(TENANT, fleet.sweep(nowMs));
        roundCpuStartNs = THREADS.getCurrentThreadCpuTime();
    }

    @Benchmark
    public int evaluationRound() {
        return evaluation.evaluateDue(nowMs);
    }

    /** The round's CPU time on its thread: on a shared machine, wall time also counts other processes. */
    @TearDown(Level.Iteration)
    public void printRoundCpu() {
        System.out.printf("(round cpu %d ms) ", (THREADS.getCurrentThreadCpuTime() - roundCpuStartNs) / 1_000_000);
    }

    @TearDown(Level.Trial)
    public void removeState() throws IOException {
        System.out.printf("%nalerts sent over the trial: %d%n", alertsSent.get());
        windows.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
