package io.quayside.agent.sweep;

import io.quayside.agent.runtimes.HostContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Samples containers on a few threads under one deadline per sweep: a container whose read hangs
 * (a frozen cgroup, a stuck filesystem) is abandoned at the deadline and counted, and the others'
 * figures still go out. A thread stuck in the kernel cannot be interrupted, so the pool is small
 * and its threads are daemons.
 */
public final class ParallelSampling implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ParallelSampling.class.getName());

    private final ExecutorService pool;
    private final Duration deadline;

    public ParallelSampling(int threads, Duration deadline) {
        this.deadline = deadline;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "quayside-sample");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One collector per container, in order; empty for a container abandoned at the deadline or failed. */
    public List<Optional<SampleCollector>> sample(List<HostContainer> containers, Function<HostContainer, SampleCollector> sampler,
                                                  Map<String, Integer> errors) {
        List<Callable<SampleCollector>> tasks = new ArrayList<>(containers.size());
        for (HostContainer container : containers) {
            tasks.add(() -> sampler.apply(container));
        }
        List<Future<SampleCollector>> futures;
        try {
            futures = pool.invokeAll(tasks, deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return containers.stream().map(c -> Optional.<SampleCollector>empty()).toList();
        }
        List<Optional<SampleCollector>> out = new ArrayList<>(futures.size());
        for (int i = 0; i < futures.size(); i++) {
            out.add(result(futures.get(i), containers.get(i), errors));
        }
        return out;
    }

    private static Optional<SampleCollector> result(Future<SampleCollector> future, HostContainer container, Map<String, Integer> errors) {
        try {
            return Optional.of(future.get());
        } catch (CancellationException timedOut) {
            LOG.warning("abandoned container " + container.id() + ": its figures were not read before the sweep deadline");
            errors.merge("timeout", 1, Integer::sum);
        } catch (ExecutionException failed) {
            LOG.log(Level.WARNING, "could not sample container " + container.id(), failed.getCause());
            errors.merge("sampler_failed", 1, Integer::sum);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
