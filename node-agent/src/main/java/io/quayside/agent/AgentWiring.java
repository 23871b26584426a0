package io.quayside.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quayside.agent.cgroups.v1.CgroupV1Sampler;
import io.quayside.agent.metrics.AgentMetrics;
import io.quayside.agent.publish.Publisher;
import io.quayside.agent.publish.http.HttpPublisher;
import io.quayside.agent.runtimes.runc.RuncRuntime;
import io.quayside.agent.sweep.AgentIdentity;
import io.quayside.agent.sweep.ParallelSampling;
import io.quayside.agent.sweep.Sweeper;
import io.quayside.model.ContainerEvent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;

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
    Sweeper sweeper(AgentConfig config, ObjectMapper json, ParallelSampling sampling, AgentMetrics metrics,
                    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        AgentIdentity identity = new AgentIdentity(config.node().orElseGet(AgentWiring::hostName), config.tenant(),
                config.tenantLabel(), version);
        return new Sweeper(List.of(new RuncRuntime(config.runcRoot(), json)), List.of(new CgroupV1Sampler()),
                identity, Clock.systemUTC(), config.resyncInterval(), sampling, metrics);
    }

    @Produces
    @Singleton
    Publisher publisher(AgentConfig config, ObjectMapper json) {
        return new HttpPublisher(config.endpoint(), config.token(), config.sendTimeout(), json);
    }

    @Produces
    @Singleton
    AgentLoop loop(Sweeper sweeper, Publisher publisher, AgentMetrics metrics, AgentConfig config) {
        return new AgentLoop(sweeper, publisher, metrics, config.pendingEventLimit());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
