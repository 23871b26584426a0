package io.quayside.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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

    /** runc's state directory ({@code runc --root}). */
    @WithDefault("/run/runc")
    Path runcRoot();

    /** How often every live container's start event is sent again. */
    @WithDefault("5m")
    Duration resyncInterval();

    @WithDefault("5s")
    Duration sendTimeout();

    /** Threads that read containers' figures. */
    @WithDefault("2")
    int samplingThreads();

    /** How long one sweep may read; containers not read by then are abandoned for this sweep and counted. */
    @WithDefault("5s")
    Duration sweepDeadline();

    /** Events kept for resending while the endpoint is unreachable; the oldest go first. */
    @WithDefault("10000")
    int pendingEventLimit();
}
