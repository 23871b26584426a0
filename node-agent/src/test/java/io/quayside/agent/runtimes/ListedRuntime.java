package io.quayside.agent.runtimes;

import java.util.ArrayList;
import java.util.List;

/** A runtime whose containers the test lists by hand, for tests of what the agent does with them. */
public final class ListedRuntime implements ContainerRuntime {
    private final List<HostContainer> containers = new ArrayList<>();

    public void add(HostContainer container) {
        containers.add(container);
    }

    public void remove(HostContainer container) {
        containers.remove(container);
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public List<HostContainer> containers() {
        return List.copyOf(containers);
    }
}
