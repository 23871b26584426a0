package io.quayside.agent.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The agent's own figures: how its sweeps and sends go. They travel in its batches like any node series. */
public final class AgentMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> containersByRuntime = new ConcurrentHashMap<>();

    public AgentMetrics() {
        this(new SimpleMeterRegistry());
    }

    public AgentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void sweep(String runtime, Duration took, int containers) {
        Timer.builder("quayside_agent_sweep").description("Time to list and sample one runtime's containers.")
                .tag("runtime", runtime).register(registry).record(took);
        containersByRuntime.computeIfAbsent(runtime, r -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("quayside_agent_containers", count, AtomicInteger::get)
                    .description("Containers seen in the last sweep.").tag("runtime", r).register(registry);
            return count;
        }).set(containers);
    }

    public void samplesEmitted(int samples) {
        Counter.builder("quayside_agent_samples").description("Samples put in batches.").register(registry).increment(samples);
    }

    public void readErrors(Map<String, Integer> byReason) {
        byReason.forEach((reason, count) -> Counter.builder("quayside_agent_read_errors")
                .description("Figures that could not be read, and were left out.").tag("reason", reason)
                .register(registry).increment(count));
    }

    public void sent(String kind, int bytes, Duration took) {
        Timer.builder("quayside_agent_send").description("Time to send a batch or event.").tag("kind", kind)
                .register(registry).record(took);
        if (bytes > 0) {
            DistributionSummary.builder("quayside_agent_batch_bytes").description("Encoded size of a batch.")
                    .baseUnit("bytes").register(registry).record(bytes);
        }
    }

    public void sendFailed(String kind, String reason) {
        Counter.builder("quayside_agent_send_failures").description("Sends that failed.").tag("kind", kind)
                .tag("reason", reason).register(registry).increment();
    }

    public void spoolDropped(String reason) {
        Counter.builder("quayside_agent_batch_spool_dropped").description("Spooled batches thrown away, by reason.")
                .tag("reason", reason).register(registry).increment();
    }

    /** A figure that is read when the metrics are, such as the depth of a spool. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }
}
