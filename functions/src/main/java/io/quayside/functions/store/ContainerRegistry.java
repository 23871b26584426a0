package io.quayside.functions.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The containers of each tenant, as discovery maintains them, and the tombstones of destroyed ones. */
public interface ContainerRegistry {
    void put(Container container);

    /**
     * Removes the tombstone's container, if held, and keeps the tombstone unless one for a later
     * destruction is already kept; tombstones expired at {@code now} are forgotten on the way.
     */
    void bury(Tombstone tombstone, Instant now);

    /** The container's tombstone, unless there is none or it has expired at {@code now}. */
    Optional<Tombstone> tombstone(String tenant, String containerId, Instant now);

    /**
     * Records that the container was heard from at {@code seenAt} (later times only). Cheap enough to
     * call per batch: stores may persist it behind.
     */
    void touch(String tenant, String containerId, Instant seenAt);

    Optional<Container> find(String tenant, String containerId);

    /** All of the tenant's containers, ordered by id. */
    List<Container> list(String tenant);
}
