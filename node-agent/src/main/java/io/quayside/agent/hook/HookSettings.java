package io.quayside.agent.hook;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The hook's settings, from the environment runc gives it (a hook's {@code env} in config.json):
 * the same {@code QUAYSIDE_*} names as the agent's.
 */
public record HookSettings(URI endpoint, Optional<String> token, String defaultTenant, String node, Path spoolDir,
                           Duration timeout) {
    public static final Path DEFAULT_SPOOL = Path.of("/var/lib/quayside/spool/events");

    public static HookSettings from(Map<String, String> env) {
        return new HookSettings(URI.create(env.getOrDefault("QUAYSIDE_ENDPOINT", "http://127.0.0.1:8480")),
                Optional.ofNullable(env.get("QUAYSIDE_TOKEN")).filter(token -> !token.isBlank()),
                env.getOrDefault("QUAYSIDE_TENANT", "local"),
                Optional.ofNullable(env.get("QUAYSIDE_NODE")).filter(node -> !node.isBlank()).orElseGet(HookSettings::hostName),
                Path.of(env.getOrDefault("QUAYSIDE_SPOOL_DIR", DEFAULT_SPOOL.toString())),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("QUAYSIDE_HOOK_TIMEOUT_MS", "1000"))));
    }

    /** The kernel's name for the host: a DNS lookup could cost a hook more than everything else together. */
    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
