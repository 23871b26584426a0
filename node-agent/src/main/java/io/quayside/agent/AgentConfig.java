package io.quayside.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The agent's settings ({@code quayside.agent.*}, or the {@code QUAYSIDE_*} environment variables). */
@ConfigMapping(prefix = "quayside.agent")
public interface AgentConfig {
    /** How often the host is swept and a batch sent. */
    @WithDefault("10s")
    Duration interval();

    /** The functions runtime that takes batches and events. */
    @WithDefault("http://127.0.0.1:8480")
    URI endpoint();

    /** Bearer token of the tenant the agent reports for. */
    Optional<String> token();

    /** Node name in labels and events; the host name when unset. */
    Optional<String> node();

    @WithDefault("local")
    String tenant();

    /** A container label that assigns the container to another tenant. */
    @WithDefault("io.quayside.tenant")
    String tenantLabel();

    /** Which runtimes to ask, in order; a container two of them report counts once, for the first. */
    @WithDefault("runc,containerd,docker")
    List<String> runtimes();

    /** runc's state directory ({@code runc --root}). */
    @WithDefault("/run/runc")
    Path runcRoot();

    /** containerd's runc shim state, {@code <root>/<namespace>/<id>/state.json}. */
    @WithDefault("/run/containerd/runc")
    Path containerdShimRoot();

    /** containerd's task bundles, for the containers' OCI annotations. */
    @WithDefault("/run/containerd/io.containerd.runtime.v2.task")
    Path containerdTaskRoot();

    @WithDefault("/var/run/docker.sock")
    Path dockerSocket();

    /** Paths under the cgroup mounts that hold containers, for the {@code cgroupfs} runtime; its defaults when unset. */
    Optional<List<String>> cgroupfsPatterns();

    /** Container labels that become series labels: {@code key} as {@code container_label_<key>}, {@code key=name} as {@code name}. */
    Optional<List<String>> labels();

    /** Whether the host's own figures (node_exporter's names) go out too. */
    @WithDefault("true")
    boolean nodeMetrics();

    /** Where the host's /proc, /sys and / are, for an agent that runs in a container with them mounted elsewhere. */
    @WithDefault("/proc")
    Path procRoot();

    @WithDefault("/sys")
    Path sysRoot();

    @WithDefault("/")
    Path rootFs();

    /** Events that OCI hooks could not deliver; the agent sends them on. */
    @WithDefault("/var/lib/quayside/spool/events")
    Path spoolDir();

    /** Sweep at once when a runtime's state changes (inotify, Docker events), besides every interval. */
    @WithDefault("true")
    boolean watch();

    /** How often every live container's start event is sent again. */
    @WithDefault("5m")
    Duration resyncInterval();

    @WithDefault("5s")
    Duration sendTimeout();

    /** {@code http} to the functions runtime (embedded), or {@code sqs} to the samples and events queues (AWS). */
    @WithDefault("http")
    String transport();

    /** The queues of the {@code sqs} transport (terraform's agent_queue_urls). */
    Optional<URI> sqsSamplesQueue();

    Optional<URI> sqsEventsQueue();

    /** The region and, for a VPC endpoint or a local SQS-compatible server, the endpoint; the SDK's defaults when unset. */
    Optional<String> sqsRegion();

    Optional<URI> sqsEndpoint();

    /** Attempts per SQS send, with exponential backoff and full jitter between them. */
    @WithDefault("4")
    int sendAttempts();

    @WithDefault("200ms")
    Duration sendBackoff();

    @WithDefault("5s")
    Duration sendBackoffMax();

    /** Batches that could not be sent wait here, replayed in order; the oldest go first past either bound. */
    @WithDefault("/var/lib/quayside/spool/batches")
    Path batchSpoolDir();

    @WithDefault("268435456")
    long batchSpoolMaxBytes();

    @WithDefault("24h")
    Duration batchSpoolMaxAge();

    /** Spooled batches sent per interval at the most, so a backlog drains without starving the sweep. */
    @WithDefault("100")
    int batchSpoolReplayLimit();

    /** Threads that read containers' figures. */
    @WithDefault("2")
    int samplingThreads();

    /**
     * Containers' kernel files kept open between sweeps (about 10 to 14 per container), over all
     * containers; past it, files are opened for each read. Capped at the process's limit on open
     * files less 1024. 0 opens every file for each read.
     */
    @WithDefault("16384")
    int maxOpenFiles();

    /** How long one sweep may read; containers not read by then are abandoned for this sweep and counted. */
    @WithDefault("5s")
    Duration sweepDeadline();

    /** Events kept for resending while the endpoint is unreachable; the oldest go first. */
    @WithDefault("10000")
    int pendingEventLimit();
}
