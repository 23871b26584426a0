package io.quayside.functions.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Embedded mode has one tenant, {@code local}. Its token is given, or kept in the state directory
 * (readable by its owner only), or generated on first start.
 */
public final class LocalTenantToken implements TenantTokens {
    public static final String TENANT = "local";
    public static final String FILE = "local-token";

    private final String token;

    private LocalTenantToken(String token) {
        this.token = token;
    }

    public static LocalTenantToken of(String token) {
        if (token.isBlank()) {
            throw new IllegalArgumentException("the local token must not be blank");
        }
        return new LocalTenantToken(token.strip());
    }

    /** The given token, else the one kept in {@code stateDir}, else a new one that is then kept there. */
    public static LocalTenantToken load(Optional<String> given, Path stateDir) {
        if (given.isPresent()) {
            return of(given.get());
        }
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return of(Files.readString(file, StandardCharsets.UTF_8));
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String token = "qs_" + HexFormat.of().formatHex(random);
            Files.createDirectories(stateDir);
            Files.writeString(Files.createFile(file,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), token + "\n");
            return new LocalTenantToken(token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local token in " + file, e);
        }
    }

    public String token() {
        return token;
    }

    @Override
    public Optional<String> tenantOf(String candidate) {
        // Constant-time comparison: response timing must not reveal how much of a guess was right.
        boolean match = MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
        return match ? Optional.of(TENANT) : Optional.empty();
    }

    @Override
    public boolean exists(String tenant) {
        return TENANT.equals(tenant);
    }
}
