package io.quayside.agent.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Micrometer registry's meters as samples, named the way Prometheus' Micrometer registry names
 * them: counters {@code _total}, timers {@code _seconds_count}, {@code _seconds_sum} and
 * {@code _seconds_max}, summaries {@code _count}, {@code _sum}, {@code _max}.
 */
public final class MeterSamples {
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, MetricFamily> families = new LinkedHashMap<>();
    private final Labels base;
    private final long timestampMs;

    private MeterSamples(Labels base, long timestampMs) {
        this.base = base;
        this.timestampMs = timestampMs;
    }

    /** @param base labels every sample gets (the node) */
    public static MeterSamples of(MeterRegistry registry, Labels base, long timestampMs) {
        MeterSamples out = new MeterSamples(base, timestampMs);
        for (Meter meter : registry.getMeters()) {
            out.add(meter);
        }
        return out;
    }

    public List<Sample> samples() {
        return samples;
    }

    public List<MetricFamily> families() {
        return List.copyOf(families.values());
    }

    private void add(Meter meter) {
        String name = meter.getId().getName();
        String help = meter.getId().getDescription();
        if (meter instanceof Counter counter) {
            emit(meter, name + "_total", MetricType.COUNTER, help, counter.count());
        } else if (meter instanceof FunctionCounter counter) {
            emit(meter, name + "_total", MetricType.COUNTER, help, counter.count());
        } else if (meter instanceof Gauge gauge) {
            emit(meter, name, MetricType.GAUGE, help, gauge.value());
        } else if (meter instanceof Timer timer) {
            emit(meter, name + "_seconds_count", MetricType.COUNTER, help, timer.count());
            emit(meter, name + "_seconds_sum", MetricType.COUNTER, help, timer.totalTime(TimeUnit.SECONDS));
            emit(meter, name + "_seconds_max", MetricType.GAUGE, help, timer.max(TimeUnit.SECONDS));
        } else if (meter instanceof DistributionSummary summary) {
            emit(meter, name + "_count", MetricType.COUNTER, help, summary.count());
            emit(meter, name + "_sum", MetricType.COUNTER, help, summary.totalAmount());
            emit(meter, name + "_max", MetricType.GAUGE, help, summary.max());
        }
    }

    private void emit(Meter meter, String name, MetricType type, String help, double value) {
        Labels.Builder labels = base.toBuilder().add(Labels.METRIC_NAME, name);
        for (Tag tag : meter.getId().getTagsAsIterable()) {
            labels.add(tag.getKey(), tag.getValue());
        }
        families.putIfAbsent(name, new MetricFamily(name, type, help == null ? "" : help));
        samples.add(new Sample(labels.build(), value, timestampMs));
    }
}
