package io.quayside.agent.sweep;

/**
 * Who this agent is and whom its containers belong to.
 *
 * @param tenantLabel container label that names a container's tenant; without it, {@code defaultTenant}
 */
public record AgentIdentity(String node, String defaultTenant, String tenantLabel, String agentVersion) {
}
