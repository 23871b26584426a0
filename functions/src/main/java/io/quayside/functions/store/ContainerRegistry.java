package io.quayside.functions.store;

import java.util.List;
import java.util.Optional;

/** The containers of each tenant, as discovery maintains them. */
public interface ContainerRegistry {
    void put(Container container);

    void remove(String tenant, String containerId);

    Optional<Container> find(String tenant, String containerId);

    /** All of the tenant's containers, ordered by id. */
    List<Container> list(String tenant);
}
