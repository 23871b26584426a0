package io.quayside.model;

import java.util.regex.Pattern;

/** Tenant names appear in URLs, file names and table keys, so they are kept to a safe alphabet. */
public final class TenantName {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private TenantName() {
    }

    public static String check(String tenant) {
        if (tenant == null || !VALID.matcher(tenant).matches()) {
            throw new IllegalArgumentException("invalid tenant name '" + tenant
                    + "': use 1 to 63 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        return tenant;
    }
}
