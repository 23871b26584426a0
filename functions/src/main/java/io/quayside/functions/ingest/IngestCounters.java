package io.quayside.functions.ingest;

import io.micrometer.core.instrument.MeterRegistry;

/** What a taken-in batch adds to the counters, under the same names for every way in (HTTP, SQS, Lambda). */
public final class IngestCounters {
    private final MeterRegistry meters;

    public IngestCounters(MeterRegistry meters) {
        this.meters = meters;
    }

    public void ingested(IngestResult result) {
        meters.counter("quayside_ingested_batches_total", "tenant", result.tenant()).increment();
        meters.counter("quayside_ingested_samples_total", "tenant", result.tenant())
                .increment(result.accepted() + result.withoutContainer());
        notKept(result.tenant(), "out_of_order", result.outOfOrder());
        notKept(result.tenant(), "series_limit", result.overSeriesLimit());
    }

    private void notKept(String tenant, String reason, int samples) {
        if (samples > 0) {
            meters.counter("quayside_window_rejected_samples_total", "tenant", tenant, "reason", reason).increment(samples);
        }
    }
}
