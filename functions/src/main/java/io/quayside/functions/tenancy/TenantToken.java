package io.quayside.functions.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A bearer token as the registry keeps it: only its SHA-256. Tokens are random with 192 bits of
 * entropy, so a fast unsalted hash cannot be reversed by guessing, and checking one costs
 * microseconds. The id is the hash's first 8 hex digits, so whoever holds a token can find its id
 * ({@code printf %s "$token" | sha256sum | cut -c1-8}) without the registry ever showing tokens.
 */
public record TenantToken(String id, String sha256, Instant created, Optional<String> description) {
    private static final int ID_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token: 192 random bits in hex after {@code qs_}. */
    public static String generate() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return "qs_" + HexFormat.of().formatHex(random);
    }

    public static TenantToken of(String token, Instant created, Optional<String> description) {
        String sha256 = sha256(token);
        return new TenantToken(sha256.substring(0, ID_LENGTH), sha256, created, description);
    }

    public static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Constant-time, so that response timing does not reveal how much of a guess was right. */
    public boolean matches(String candidateSha256) {
        return MessageDigest.isEqual(sha256.getBytes(StandardCharsets.US_ASCII), candidateSha256.getBytes(StandardCharsets.US_ASCII));
    }
}
