package io.quayside.functions.discover;

import io.quayside.model.ContainerEvent;

/** One event decoded from a payload, and what it did to the registry. */
public record AppliedEvent(ContainerEvent event, DiscoveryResult result) {
}
