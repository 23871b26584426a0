package io.quayside.functions.discover;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What an event did to the registry. */
public enum DiscoveryResult {
    ADDED, UPDATED, REMOVED, UNCHANGED,
    /** The registry holds a newer event for the container, or a tombstone not older than this event; it was ignored. */
    OUTDATED;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
