package io.quayside.agent.sweep;

import io.quayside.agent.runtimes.HostContainer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every container's {@link ContainerFiles}, under one budget of open files. A container's files
 * are closed when a sweep no longer lists it or its first process changed (it was restarted: new
 * cgroups, new network namespace), so no descriptor keeps a removed cgroup or namespace alive.
 */
public final class OpenContainerFiles implements AutoCloseable {
    /** Descriptors left to the rest of the agent (jars, sockets, spool files, watches) below the process's limit. */
    static final int RESERVED_DESCRIPTORS = 1024;

    private final FileBudget budget;
    private final Map<String, ContainerFiles> byContainer = new ConcurrentHashMap<>();

    /** @param maxOpenFiles open files at the most, over all containers; 0 to open every file for each read */
    public OpenContainerFiles(int maxOpenFiles) {
        if (maxOpenFiles < 0) {
            throw new IllegalArgumentException("max-open-files must be 0 or more, got " + maxOpenFiles);
        }
        this.budget = new FileBudget(maxOpenFiles);
    }

    /** The budget to use: the one configured, but never more than the process may open less a reserve for the rest. */
    public static int budget(int configured, long processLimit) {
        return (int) Math.max(0, Math.min(configured, processLimit - RESERVED_DESCRIPTORS));
    }

    public ContainerFiles of(HostContainer container) {
        ContainerFiles files = byContainer.get(container.id());
        if (files != null && files.initPid() == container.initPid()) {
            return files;
        }
        ContainerFiles fresh = new ContainerFiles(budget, container.initPid());
        ContainerFiles replaced = byContainer.put(container.id(), fresh);
        if (replaced != null) {
            replaced.close();
        }
        return fresh;
    }

    /** Closes the files of every container not in {@code present}. */
    public void retain(Set<String> present) {
        byContainer.entrySet().removeIf(entry -> {
            if (present.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().close();
            return true;
        });
    }

    /** Files open now, over all containers. */
    public int openFiles() {
        return budget.used();
    }

    @Override
    public void close() {
        retain(Set.of());
    }
}
