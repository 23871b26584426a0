package io.quayside.agent.node;

import io.quayside.agent.network.NetDev;
import io.quayside.agent.sweep.SampleCollector;
import io.quayside.model.MetricFamily;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.StringTokenizer;

/**
 * The node's own figures, read from procfs as node_exporter reads them. The collector carries the
 * node's labels only (no container {@code id}).
 */
public final class NodeSampler {
    /** /proc/stat counts in USER_HZ, which Linux fixes at 100. */
    private static final double TICKS_PER_SECOND = 100;
    /** /proc/stat's per-CPU columns, in order; guest time is already inside user and nice. */
    private static final String[] CPU_MODES = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"};
    private static final long BYTES_PER_KB = 1024;

    private final Path procRoot;
    private final MountedFilesystems filesystems;

    /**
     * @param procRoot the host's procfs, {@code /proc} on a host
     * @param rootFs   where the host's root filesystem is seen, {@code /} unless the agent runs in a
     *                 container with the host's root mounted elsewhere
     */
    public NodeSampler(Path procRoot, Path rootFs) {
        this.procRoot = procRoot;
        this.filesystems = new MountedFilesystems(procRoot, rootFs);
    }

    public void sample(SampleCollector out) {
        out.readLines(file("stat")).ifPresent(lines -> addStat(lines, out));
        out.readString(file("loadavg")).ifPresent(loadavg -> addLoad(loadavg, out));
        out.readLines(file("meminfo")).ifPresent(lines -> addMemory(lines, out));
        out.readLines(file("net/dev")).ifPresent(lines -> NetDev.parse(lines).ifPresentOrElse(interfaces -> interfaces.forEach(nic -> {
            out.add(NodeFamilies.NETWORK_RECEIVE_BYTES, nic.receiveBytes(), "device", nic.name());
            out.add(NodeFamilies.NETWORK_TRANSMIT_BYTES, nic.transmitBytes(), "device", nic.name());
        }), () -> out.countReadError("unparsable")));
        filesystems.sample(out);
    }

    private String file(String name) {
        return procRoot.resolve(name).toString();
    }

    /** {@code cpuN user nice system idle iowait irq softirq steal ...}, {@code ctxt N}, {@code intr N ...}. */
    private static void addStat(List<String> lines, SampleCollector out) {
        for (String line : lines) {
            StringTokenizer fields = new StringTokenizer(line);
            if (!fields.hasMoreTokens()) {
                continue;
            }
            String key = fields.nextToken();
            try {
                if (key.startsWith("cpu") && key.length() > 3) {
                    String cpu = key.substring(3);
                    for (int i = 0; i < CPU_MODES.length && fields.hasMoreTokens(); i++) {
                        out.add(NodeFamilies.CPU_SECONDS, Long.parseLong(fields.nextToken()) / TICKS_PER_SECOND,
                                "cpu", cpu, "mode", CPU_MODES[i]);
                    }
                } else if (key.equals("ctxt")) {
                    out.add(NodeFamilies.CONTEXT_SWITCHES, Long.parseLong(fields.nextToken()));
                } else if (key.equals("intr")) {
                    out.add(NodeFamilies.INTERRUPTS, Long.parseLong(fields.nextToken()));
                }
            } catch (NumberFormatException | NoSuchElementException e) {
                out.countReadError("unparsable");
            }
        }
    }

    /** {@code 2.20 2.19 1.82 4/113 1593} */
    private static void addLoad(String loadavg, SampleCollector out) {
        StringTokenizer fields = new StringTokenizer(loadavg);
        try {
            for (MetricFamily family : new MetricFamily[]{NodeFamilies.LOAD1, NodeFamilies.LOAD5, NodeFamilies.LOAD15}) {
                out.add(family, Double.parseDouble(fields.nextToken()));
            }
        } catch (NumberFormatException | NoSuchElementException e) {
            out.countReadError("unparsable");
        }
    }

    /** {@code MemTotal:       24684084 kB} */
    private static void addMemory(List<String> lines, SampleCollector out) {
        for (String line : lines) {
            MetricFamily family = line.startsWith("MemTotal:") ? NodeFamilies.MEMORY_TOTAL
                    : line.startsWith("MemAvailable:") ? NodeFamilies.MEMORY_AVAILABLE : null;
            if (family == null) {
                continue;
            }
            StringTokenizer fields = new StringTokenizer(line.substring(line.indexOf(':') + 1));
            try {
                out.add(family, Long.parseLong(fields.nextToken()) * BYTES_PER_KB);
            } catch (NumberFormatException | NoSuchElementException e) {
                out.countReadError("unparsable");
            }
        }
    }
}
