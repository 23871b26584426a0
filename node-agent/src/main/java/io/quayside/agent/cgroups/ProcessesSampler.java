package io.quayside.agent.cgroups;

import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.sweep.SampleCollector;

/**
 * Processes and threads, as cAdvisor counts them: processes are the lines of the CPU cgroup's
 * {@code cgroup.procs}, threads are the pids controller's {@code pids.current} (which counts tasks).
 */
public final class ProcessesSampler implements CgroupSampler {
    private final String procsController;
    private final String pidsController;

    /** @param procsController the controller whose {@code cgroup.procs} is read: {@code cpu} on v1, {@code ""} on v2 */
    public ProcessesSampler(String procsController, String pidsController) {
        this.procsController = procsController;
        this.pidsController = pidsController;
    }

    @Override
    public void sample(HostContainer container, SampleCollector out) {
        String procs = container.cgroupPaths().get(procsController);
        if (procs != null) {
            out.readLines(procs + "/cgroup.procs")
                    .ifPresent(pids -> out.add(ContainerFamilies.PROCESSES, pids.stream().filter(pid -> !pid.isBlank()).count()));
        }
        String pids = container.cgroupPaths().get(pidsController);
        if (pids != null) {
            out.readLong(pids + "/pids.current").ifPresent(tasks -> out.add(ContainerFamilies.THREADS, tasks));
        }
    }
}
