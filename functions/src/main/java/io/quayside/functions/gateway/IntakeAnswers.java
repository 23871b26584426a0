package io.quayside.functions.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.quayside.functions.discover.Discovery;
import io.quayside.functions.discover.DiscoveryResult;
import io.quayside.functions.discover.sources.LifecycleEventException;
import io.quayside.functions.ingest.IngestCounters;
import io.quayside.functions.ingest.IngestResult;
import io.quayside.functions.ingest.Ingestor;
import io.quayside.model.ContainerEvent;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.BatchFormatException;
import io.quayside.model.codec.SampleBatchCodec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What agents and hooks send: batches in the binary format, lifecycle events in JSON. */
public final class IntakeAnswers {
    private final Ingestor ingestor;
    private final Discovery discovery;
    private final TenantGuard guard;
    private final GatewayJson json;
    private final MeterRegistry meters;
    private final IngestCounters counters;
    private final SampleBatchCodec codec = new SampleBatchCodec();

    public IntakeAnswers(Ingestor ingestor, Discovery discovery, TenantGuard guard, GatewayJson json, MeterRegistry meters) {
        this.ingestor = ingestor;
        this.discovery = discovery;
        this.guard = guard;
        this.json = json;
        this.meters = meters;
        this.counters = new IngestCounters(meters);
    }

    public GatewayAnswer ingest(String authorization, byte[] body) {
        String caller = guard.authenticate(authorization);
        SampleBatch batch;
        try {
            batch = codec.decode(body);
        } catch (BatchFormatException e) {
            throw reject("batch", "malformed", "invalid batch: " + e.getMessage());
        }
        requireSameTenant(caller, batch.tenant(), "batch");
        IngestResult result = ingestor.ingest(batch);
        counters.ingested(result);
        return json.ok(result);
    }

    /**
     * A lifecycle event in any shape discovery reads (Quayside's own, Docker's, ECS task state
     * changes, CloudEvents); every event it holds must belong to the caller's tenant.
     */
    public GatewayAnswer events(String authorization, byte[] body) {
        String caller = guard.authenticate(authorization);
        List<ContainerEvent> events;
        try {
            events = discovery.decode(json.read(body));
        } catch (LifecycleEventException e) {
            throw reject("event", "malformed", "invalid event: " + e.getMessage());
        } catch (IOException e) {
            throw reject("event", "malformed", "invalid event JSON: " + e.getMessage());
        }
        events.forEach(event -> requireSameTenant(caller, event.tenant(), "event"));
        List<Map<String, String>> results = new ArrayList<>();
        for (ContainerEvent event : events) {
            DiscoveryResult result = discovery.apply(event);
            meters.counter("quayside_events_total", "tenant", event.tenant(), "kind", event.kind().name().toLowerCase(Locale.ROOT))
                    .increment();
            results.add(Map.of("containerId", event.containerId(), "result", result.word()));
        }
        return json.ok(results.size() == 1 ? results.get(0) : results);
    }

    private void requireSameTenant(String caller, String tenant, String input) {
        if (!caller.equals(tenant)) {
            throw reject(input, "forbidden", "this token does not grant access to tenant '" + tenant + "'", 403);
        }
    }

    private GatewayException reject(String input, String reason, String message) {
        return reject(input, reason, message, 400);
    }

    private GatewayException reject(String input, String reason, String message, int status) {
        meters.counter("quayside_rejected_total", "input", input, "reason", reason).increment();
        return new GatewayException(status, message);
    }
}
