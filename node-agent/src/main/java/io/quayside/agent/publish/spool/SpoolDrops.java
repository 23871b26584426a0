package io.quayside.agent.publish.spool;

/** Told of every batch the spool throws away, so drops show in the agent's self-metrics and never go unnoticed. */
@FunctionalInterface
public interface SpoolDrops {
    SpoolDrops NONE = reason -> { };

    void dropped(DropReason reason);
}
