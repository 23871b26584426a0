package io.quayside.agent.network;

import io.quayside.agent.cgroups.CgroupSampler;
import io.quayside.agent.cgroups.ContainerFamilies;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.SampleCollector;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A container's network counters per interface, read from its first process's
 * {@code /proc/<pid>/net/dev}, which shows the container's own network namespace. Like cAdvisor it
 * leaves out loopback and the host-side ends of container links ({@code lo}, {@code veth*},
 * {@code docker*}, {@code nerdctl*}); a container with no other interface has no network series.
 */
public final class NetworkSampler implements CgroupSampler {
    private static final List<String> IGNORED_PREFIXES = List.of("lo", "veth", "docker", "nerdctl");

    private final Path procRoot;

    /** @param procRoot where the host's procfs is mounted, {@code /proc} on a host */
    public NetworkSampler(Path procRoot) {
        this.procRoot = procRoot;
    }

    @Override
    public void sample(HostContainer container, SampleCollector out) {
        if (container.initPid() <= 0) {
            return;
        }
        String file = procRoot.resolve(Integer.toString(container.initPid())).resolve("net/dev").toString();
        out.readLines(file).ifPresent(lines -> NetDev.parse(lines).ifPresentOrElse(
                interfaces -> interfaces.stream().filter(NetworkSampler::isContainerInterface).forEach(i -> add(i, out)),
                () -> out.countReadError("unparsable")));
    }

    private static boolean isContainerInterface(NetDev.Interface nic) {
        String name = nic.name().toLowerCase(Locale.ROOT);
        return IGNORED_PREFIXES.stream().noneMatch(name::startsWith);
    }

    private static void add(NetDev.Interface nic, SampleCollector out) {
        String name = nic.name();
        out.add(ContainerFamilies.NETWORK_RECEIVE_BYTES, nic.receiveBytes(), "interface", name);
        out.add(ContainerFamilies.NETWORK_RECEIVE_PACKETS, nic.receivePackets(), "interface", name);
        out.add(ContainerFamilies.NETWORK_RECEIVE_ERRORS, nic.receiveErrors(), "interface", name);
        out.add(ContainerFamilies.NETWORK_RECEIVE_DROPPED, nic.receiveDropped(), "interface", name);
        out.add(ContainerFamilies.NETWORK_TRANSMIT_BYTES, nic.transmitBytes(), "interface", name);
        out.add(ContainerFamilies.NETWORK_TRANSMIT_PACKETS, nic.transmitPackets(), "interface", name);
        out.add(ContainerFamilies.NETWORK_TRANSMIT_ERRORS, nic.transmitErrors(), "interface", name);
        out.add(ContainerFamilies.NETWORK_TRANSMIT_DROPPED, nic.transmitDropped(), "interface", name);
    }
}
