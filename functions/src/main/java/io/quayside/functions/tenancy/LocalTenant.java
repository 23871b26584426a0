package io.quayside.functions.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Embedded mode's tenant, {@code local}, set up on first start. The registry keeps only token
 * hashes; the agent that {@code infra/local/up} starts on the same machine still needs the token
 * itself, so a generated token is also written to {@code local-token}, readable by its owner only,
 * as a client's credential file (like a kubeconfig), not as the gateway's record of tokens.
 */
public final class LocalTenant {
    public static final String TENANT = "local";
    public static final String TOKEN_FILE = "local-token";

    private LocalTenant() {
    }

    /**
     * A given token (QUAYSIDE_LOCAL_TOKEN) is registered on every start, since the operator asks for
     * it; otherwise, once only, the token in a {@code local-token} file from before the registry, or
     * a new one. After that the registry decides, so a revoked token stays revoked.
     *
     * @return the token generated now, to be shown once
     */
    public static Optional<String> register(TenantRegistry registry, Optional<String> given, Path stateDir) {
        Optional<String> token = given.map(String::strip).filter(text -> !text.isEmpty());
        if (token.isPresent()) {
            registry.register(TENANT, token.get(), Optional.of("QUAYSIDE_LOCAL_TOKEN"));
            return Optional.empty();
        }
        if (registry.exists(TENANT)) {
            return Optional.empty();
        }
        Path file = stateDir.resolve(TOKEN_FILE);
        try {
            if (Files.exists(file)) {
                registry.register(TENANT, Files.readString(file, StandardCharsets.UTF_8).strip(), Optional.of(TOKEN_FILE + " file"));
                return Optional.empty();
            }
            String generated = registry.issue(TENANT, Optional.empty(), Optional.of("generated on first start")).token();
            Files.writeString(Files.createFile(file,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), generated + "\n");
            return Optional.of(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local token in " + file, e);
        }
    }
}
