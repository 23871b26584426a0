package io.quayside.functions.bench.cost;

import io.quayside.functions.TestClock;
import io.quayside.functions.evaluate.RuleEvaluation;
import io.quayside.functions.gateway.FederationMatch;
import io.quayside.functions.gateway.LatestExposition;
import io.quayside.functions.ingest.Ingestor;
import io.quayside.functions.ingest.sqs.MessageOutcome;
import io.quayside.functions.ingest.sqs.QueuedBatches;
import io.quayside.functions.ingest.sqs.SqsEvent;
import io.quayside.functions.ingest.sqs.SqsMessage;
import io.quayside.functions.rules.RuleFileException;
import io.quayside.functions.rules.RuleFileParser;
import io.quayside.functions.rules.eval.ExternalContext;
import io.quayside.functions.store.Container;
import io.quayside.functions.store.dynamodb.CapacityMeter;
import io.quayside.functions.store.dynamodb.DynamoDbLocal;
import io.quayside.functions.store.dynamodb.DynamoDbSeenBatches;
import io.quayside.functions.store.dynamodb.DynamoDbStore;
import io.quayside.functions.store.dynamodb.DynamoDbTables;
import io.quayside.functions.store.dynamodb.DynamoDbWindows;
import io.quayside.model.SampleBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fleet against DynamoDB Local on a test clock, nothing sleeping: every interval each host's
 * sweep goes onto the queue as the agent sends it and the ingest function takes the queue in, in
 * receives of the event source mapping's batch size; every minute the schedule runs the rules; every
 * federation interval the tenant's Prometheus federates through the gateway. Counting starts after the warm-up.
 */
final class FleetRun {
    /** The runtime's defaults (quayside.windows.retention, quayside.dynamodb.windows.bucket, quayside.seen-batches.retention). */
    static final Duration WINDOW_RETENTION = Duration.ofHours(1);
    static final Duration WINDOW_BUCKET = Duration.ofMinutes(1);
    static final Duration SEEN_RETENTION = Duration.ofHours(24);
    /** The runtime's default (quayside.dynamodb.touch-every): last-seen written at most every 2 minutes per container. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(2);
    private static final long START_MS = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
    private static final long EVALUATE_EVERY_MS = 60_000;
    /** A Prometheus federating everything the tenant has, as one scrape job would. */
    private static final FederationMatch FEDERATE_ALL = FederationMatch.parse(List.of("{__name__=~\".+\"}"));

    private final CostOptions options;
    private final TestClock clock = new TestClock(Instant.ofEpochMilli(START_MS));
    private final CapacityMeter meter = new CapacityMeter();
    private final MeteredQueue queue = new MeteredQueue();
    private final AgentMessages agent = new AgentMessages();
    private final List<CadvisorHost> hosts = new ArrayList<>();
    private final AtomicLong alerts = new AtomicLong();
    private final DynamoDbStore store;
    private final QueuedBatches intake;
    private final RuleEvaluation evaluation;
    private final LatestExposition exposition;
    private FunctionCounts counts;
    private long federatedBytes;
    private long apiGatewayRequests;
    private long samplesSent;

    FleetRun(CostOptions options) throws RuleFileException {
        this.options = options;
        DynamoDbClient client = DynamoDbLocal.newClient(meter);
        DynamoDbTables tables = DynamoDbLocal.createTables(client);
        store = new DynamoDbStore(client, tables, TOUCH_EVERY);
        DynamoDbWindows windows = new DynamoDbWindows(client, tables.windows(), WINDOW_RETENTION, WINDOW_BUCKET, clock);
        intake = new QueuedBatches(new Ingestor(store, store, windows),
                new DynamoDbSeenBatches(client, tables.latest(), SEEN_RETENTION, clock), clock);
        evaluation = new RuleEvaluation(Map.of(CadvisorHost.TENANT, RuleFileParser.parse(options.rules())), windows,
                (tenant, sent) -> alerts.addAndGet(sent.size()), ExternalContext.NONE, EVALUATE_EVERY_MS);
        exposition = new LatestExposition(store, store, Integer.MAX_VALUE);
        for (int h = 0; h < options.hosts(); h++) {
            hosts.add(new CadvisorHost(h, options.containersPerHost(), 42));
        }
        counts = new FunctionCounts(meter);
    }

    RunResult run() {
        discoverContainers();
        long intervalMs = options.interval().toMillis();
        long federateMs = options.federateInterval().toMillis();
        long countFromMs = START_MS + options.warmupMinutes() * 60_000L;
        long endMs = countFromMs + options.minutes() * 60_000L;
        FunctionCounts discovered = counts;
        counts = new FunctionCounts(meter);
        long nextSweep = START_MS;
        long nextEvaluate = START_MS + EVALUATE_EVERY_MS;
        long nextFederate = START_MS + federateMs;
        boolean counting = false;
        // Sweeps at times in [start, end) count; evaluations and federations at times in (start, end]
        // count, as each covers the time before it: M minutes hold 60M/I sweeps and M evaluations.
        while (true) {
            long now = Math.min(nextSweep, Math.min(nextEvaluate, nextFederate));
            if (now > endMs) {
                break;
            }
            if (now == nextEvaluate) {
                System.err.printf("cost-model: simulated minute %d of %d%n", (now - START_MS) / 60_000,
                        (endMs - START_MS) / 60_000);
                clock.setMillis(now);
                counts.invoke(FunctionCounts.EVALUATE, () -> evaluation.evaluateDue(now));
                nextEvaluate += EVALUATE_EVERY_MS;
            }
            if (now == nextFederate) {
                federate(now, counting);
                nextFederate += federateMs;
            }
            if (!counting && now >= countFromMs) {
                counting = true;
                counts = new FunctionCounts(meter);
                queue.startCounting();
            }
            if (now == nextSweep && now < endMs) {
                sweep(now, counting);
                nextSweep += intervalMs;
            } else if (now == nextSweep) {
                nextSweep = Long.MAX_VALUE;
            }
        }
        return new RunResult(options, counts, discovered, queue, federatedBytes, apiGatewayRequests, samplesSent,
                hosts.stream().mapToInt(CadvisorHost::seriesCount).sum(), alerts.get());
    }

    /** Discovery registers each container from its start event before its samples arrive. */
    private void discoverContainers() {
        for (CadvisorHost host : hosts) {
            for (Container container : host.started(Instant.ofEpochMilli(START_MS - 60_000))) {
                counts.invoke(FunctionCounts.DISCOVER, () -> {
                    store.put(container);
                    return container.id();
                });
            }
        }
    }

    private void sweep(long now, boolean counting) {
        for (CadvisorHost host : hosts) {
            SampleBatch batch = host.sweep(now);
            if (counting) {
                samplesSent += batch.samples().size();
            }
            agent.of(batch).forEach(queue::send);
        }
        clock.setMillis(now + 1_000);
        for (List<QueuedMessage> event = queue.receive(options.sqsBatchSize()); !event.isEmpty();
             event = queue.receive(options.sqsBatchSize())) {
            List<QueuedMessage> received = event;
            counts.invoke(FunctionCounts.INGEST, () -> takeIn(received));
            queue.deleteBatch(received);
        }
    }

    /** What the ingest Lambda does with one event; every message the agent sent must be taken in. */
    private List<MessageOutcome> takeIn(List<QueuedMessage> received) {
        List<SqsMessage> records = received.stream().map(QueuedMessage::asSqsMessage).toList();
        List<MessageOutcome> outcomes = intake.takeIn(new SqsEvent(records), tenant -> true);
        for (MessageOutcome outcome : outcomes) {
            if (outcome.kind() == MessageOutcome.Kind.REJECTED) {
                throw new IllegalStateException("message " + outcome.messageId() + " refused: " + outcome.reason());
            }
        }
        return outcomes;
    }

    /** API Gateway's HTTP API meters requests in 512 KB increments of their size. */
    private void federate(long now, boolean counting) {
        clock.setMillis(now);
        String body = counts.invoke(FunctionCounts.GATEWAY, () -> exposition.respond(CadvisorHost.TENANT,
                FEDERATE_ALL.filter(exposition.ofTenant(CadvisorHost.TENANT)), null).bodyText());
        if (counting) {
            long bytes = body.getBytes(StandardCharsets.UTF_8).length;
            federatedBytes += bytes;
            apiGatewayRequests += Math.max(1, (bytes + 512 * 1024 - 1) / (512 * 1024));
        }
    }
}
