package io.quayside.functions.store.dynamodb;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in hex, for keys that must stay short and still tell contents apart. */
final class Sha256 {
    private Sha256() {
    }

    /** The first {@code bytes} bytes of the digest, as hex. */
    static String hex(byte[] data, int bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
