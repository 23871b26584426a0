package io.quayside.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quayside.agent.cgroups.CgroupMounts;
import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.CgroupSamplers;
import io.quayside.agent.hook.EventSpool;
import io.quayside.agent.lifecycle.ChangeSource;
import io.quayside.agent.lifecycle.DockerEventSource;
import io.quayside.agent.lifecycle.StateDirectoryWatch;
import io.quayside.agent.metrics.AgentMetrics;
import io.quayside.agent.network.NetworkSampler;
import io.quayside.agent.node.NodeSampler;
import io.quayside.agent.publish.Publisher;
import io.quayside.agent.publish.http.HttpPublisher;
import io.quayside.agent.publish.spool.BatchSpool;
import io.quayside.agent.publish.spool.SpoolBounds;
import io.quayside.agent.publish.spool.SpoolingPublisher;
import io.quayside.agent.publish.sqs.BackoffRetry;
import io.quayside.agent.publish.sqs.BatchSplitter;
import io.quayside.agent.publish.sqs.RetryPolicy;
import io.quayside.agent.publish.sqs.SqsClients;
import io.quayside.agent.publish.sqs.SqsPublisher;
import io.quayside.agent.publish.sqs.SqsSettings;
import io.quayside.agent.runtimes.ContainerRuntime;
import io.quayside.agent.runtimes.ProcessCgroups;
import io.quayside.agent.runtimes.cgroupfs.CgroupPattern;
import io.quayside.agent.runtimes.cgroupfs.CgroupfsRuntime;
import io.quayside.agent.runtimes.containerd.ContainerdRuntime;
import io.quayside.agent.runtimes.docker.DockerRuntime;
import io.quayside.agent.runtimes.runc.RuncRuntime;
import io.quayside.agent.sweep.AgentIdentity;
import io.quayside.agent.sweep.OpenContainerFiles;
import io.quayside.agent.sweep.ParallelSampling;
import io.quayside.agent.sweep.ProcessLimits;
import io.quayside.agent.sweep.SeriesLabels;
import io.quayside.agent.sweep.Sweeper;
import io.quayside.model.ContainerEvent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the plain-Java agent from its settings. ContainerEvent is written by Jackson, so native images keep its accessors. */
@RegisterForReflection(targets = {ContainerEvent.class, ContainerEvent.Kind.class})
public class AgentWiring {
    @Produces
    @Singleton
    AgentMetrics metrics() {
        return new AgentMetrics();
    }

    @Produces
    @Singleton
    ParallelSampling sampling(AgentConfig config) {
        return new ParallelSampling(config.samplingThreads(), config.sweepDeadline());
    }

    void closeSampling(@Disposes ParallelSampling sampling) {
        sampling.close();
    }

    @Produces
    @Singleton
    OpenContainerFiles openFiles(AgentConfig config) {
        return new OpenContainerFiles(OpenContainerFiles.budget(config.maxOpenFiles(), ProcessLimits.openFiles(Path.of("/proc/self/limits"))));
    }

    void closeOpenFiles(@Disposes OpenContainerFiles files) {
        files.close();
    }

    @Produces
    @Singleton
    CgroupMounts mounts(AgentConfig config) {
        return CgroupMounts.read(config.procRoot().resolve("self/mountinfo"));
    }

    @Produces
    @Singleton
    Sweeper sweeper(AgentConfig config, ObjectMapper json, CgroupMounts mounts, ParallelSampling sampling, AgentMetrics metrics,
                    OpenContainerFiles openFiles,
                    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        AgentIdentity identity = new AgentIdentity(config.node().orElseGet(AgentWiring::hostName), config.tenant(),
                config.tenantLabel(), version);
        List<CgroupSampler> samplers = new ArrayList<>(CgroupSamplers.forLayout(mounts.layout(), config.sysRoot()));
        samplers.add(new NetworkSampler(config.procRoot()));
        Optional<NodeSampler> node = config.nodeMetrics()
                ? Optional.of(new NodeSampler(config.procRoot(), config.rootFs())) : Optional.empty();
        return new Sweeper(runtimes(config, json, mounts), samplers, identity, Clock.systemUTC(), config.resyncInterval(),
                sampling, metrics, new SeriesLabels(config.labels().orElse(List.of())), node, openFiles);
    }

    private static List<ContainerRuntime> runtimes(AgentConfig config, ObjectMapper json, CgroupMounts mounts) {
        ProcessCgroups processes = new ProcessCgroups(mounts, config.procRoot());
        List<ContainerRuntime> runtimes = new ArrayList<>();
        for (String name : config.runtimes()) {
            runtimes.add(switch (name.strip()) {
                case "runc" -> new RuncRuntime(config.runcRoot(), json);
                case "containerd" -> new ContainerdRuntime(config.containerdShimRoot(), config.containerdTaskRoot(), json, processes);
                case "docker" -> new DockerRuntime(config.dockerSocket(), json, processes);
                case "cgroupfs" -> new CgroupfsRuntime(mounts, config.cgroupfsPatterns().orElse(CgroupfsRuntime.DEFAULT_PATTERNS)
                        .stream().map(CgroupPattern::compile).toList(), processes);
                default -> throw new IllegalArgumentException("unknown runtime '" + name
                        + "' in quayside.agent.runtimes: use runc, containerd, docker or cgroupfs");
            });
        }
        return runtimes;
    }

    /** Where a runtime's state changes show first: its state directory, or Docker's event stream. */
    @Produces
    @Singleton
    List<ChangeSource> changeSources(AgentConfig config, ObjectMapper json) {
        List<ChangeSource> sources = new ArrayList<>();
        for (String name : config.runtimes()) {
            switch (name.strip()) {
                case "runc" -> sources.add(StateDirectoryWatch.runc(config.runcRoot()));
                case "containerd" -> sources.add(StateDirectoryWatch.containerd(config.containerdShimRoot()));
                case "docker" -> sources.add(new DockerEventSource(config.dockerSocket(), json));
                default -> { } // cgroupfs: the periodic sweep finds its containers
            }
        }
        return sources;
    }

    /** The transport, behind a disk spool: a batch that cannot go now waits, in order, and counted when it must be dropped. */
    @Produces
    @Singleton
    Publisher publisher(AgentConfig config, AgentMetrics metrics) throws IOException {
        Publisher transport = switch (config.transport()) {
            case "http" -> new HttpPublisher(config.endpoint(), config.token(), config.sendTimeout());
            case "sqs" -> new SqsPublisher(SqsClients.create(config.sqsRegion(), config.sqsEndpoint(), config.sendTimeout()),
                    new SqsSettings(required(config.sqsSamplesQueue(), "sqs-samples-queue"), required(config.sqsEventsQueue(), "sqs-events-queue"),
                            BatchSplitter.DEFAULT_MAX_BODY_CHARS, new RetryPolicy(config.sendAttempts(), config.sendBackoff(), config.sendBackoffMax())),
                    BackoffRetry.Sleeper.THREAD);
            default -> throw new IllegalArgumentException("unknown transport '" + config.transport()
                    + "' in quayside.agent.transport: use http or sqs");
        };
        BatchSpool spool = BatchSpool.open(config.batchSpoolDir(), new SpoolBounds(config.batchSpoolMaxBytes(), config.batchSpoolMaxAge()),
                Clock.systemUTC(), reason -> metrics.spoolDropped(reason.tag()));
        SpoolingPublisher spooling = new SpoolingPublisher(transport, spool, config.batchSpoolReplayLimit());
        metrics.gauge("quayside_agent_batch_spool_depth", "Batches waiting on disk.", spooling::depth);
        metrics.gauge("quayside_agent_batch_spool_bytes", "Bytes of batches waiting on disk.", spooling::bytes);
        return spooling;
    }

    private static URI required(Optional<URI> queue, String setting) {
        return queue.orElseThrow(() -> new IllegalArgumentException("quayside.agent." + setting + " is required with the sqs transport"));
    }

    @Produces
    @Singleton
    AgentLoop loop(Sweeper sweeper, Publisher publisher, AgentMetrics metrics, AgentConfig config) {
        return new AgentLoop(sweeper, publisher, metrics, config.pendingEventLimit(),
                new EventSpool(config.spoolDir(), Clock.systemUTC()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
