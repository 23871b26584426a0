package io.quayside.functions.discover.sources;

import io.quayside.model.TenantName;

import java.util.Map;
import java.util.Optional;

/**
 * Which tenant an event belongs to when it does not say so itself: the value of a container label,
 * or the tenant of the AWS account it came from, else a default.
 *
 * @param tenantLabel      the container label that names the tenant
 * @param tenantsByAccount AWS account id to tenant, for ECS events
 * @param defaultTenant    the tenant of events that match nothing; without it they are refused
 */
public record TenantMapping(String tenantLabel, Map<String, String> tenantsByAccount, Optional<String> defaultTenant) {
    public static final String TENANT_LABEL = "io.quayside.tenant";

    public TenantMapping {
        tenantsByAccount = Map.copyOf(tenantsByAccount);
        tenantsByAccount.values().forEach(TenantName::check);
        defaultTenant.ifPresent(TenantName::check);
    }

    /** Embedded mode's: one tenant, {@code local}, unless a container's label names another. */
    public static TenantMapping defaults() {
        return new TenantMapping(TENANT_LABEL, Map.of(), Optional.of("local"));
    }

    public String forLabels(Map<String, String> labels) {
        String labelled = labels.get(tenantLabel);
        if (labelled != null) {
            return labelled;
        }
        return defaultTenant.orElseThrow(() -> new LifecycleEventException(
                "no tenant: the container has no '" + tenantLabel + "' label and no default tenant is configured"));
    }

    public String forAccount(String account) {
        String mapped = tenantsByAccount.get(account);
        if (mapped != null) {
            return mapped;
        }
        return defaultTenant.orElseThrow(() -> new LifecycleEventException(
                "no tenant: AWS account '" + account + "' is mapped to none and no default tenant is configured"));
    }
}
