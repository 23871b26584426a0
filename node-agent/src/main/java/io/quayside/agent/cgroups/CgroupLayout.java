package io.quayside.agent.cgroups;

/** How the host mounts cgroups, detected at start from its mounts. */
public enum CgroupLayout {
    /** One hierarchy per controller. */
    V1,
    /** The unified hierarchy only. */
    V2,
    /** Controllers on v1 hierarchies, plus a unified hierarchy (systemd's "hybrid"): figures come from v1. */
    HYBRID
}
