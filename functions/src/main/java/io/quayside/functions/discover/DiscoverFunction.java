package io.quayside.functions.discover;

import io.quarkus.funqy.Funq;
import io.quayside.model.ContainerEvent;

/** The {@code discover} function: a lifecycle event in, what it did to the registry out. */
public class DiscoverFunction {
    private final Discovery discovery;

    public DiscoverFunction(Discovery discovery) {
        this.discovery = discovery;
    }

    @Funq
    public DiscoveryResult discover(ContainerEvent event) {
        return discovery.apply(event);
    }
}
