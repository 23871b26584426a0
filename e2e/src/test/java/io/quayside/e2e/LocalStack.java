package io.quayside.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One run of the README's run command, {@code infra/local/up --demo}, in a private state directory,
 * port, runc root and container prefix, so tests never touch the machine's own Quayside.
 */
final class LocalStack implements AutoCloseable {
    static final Set<String> DEMO_NAMES = Set.of("web", "cache", "burner");

    final Path work;
    final int port;
    final String token = "e2e-" + UUID.randomUUID();
    final Map<String, String> env = new HashMap<>();
    private final Gateway gateway;
    private HostProcess up;

    LocalStack(String name) throws IOException {
        work = Files.createTempDirectory("quayside-" + name);
        port = Host.freePort();
        gateway = new Gateway(port, token);
        env.putAll(Map.of(
                "QUAYSIDE_HTTP_PORT", Integer.toString(port),
                "QUAYSIDE_STATE_DIR", work.resolve("state").toString(),
                "QUAYSIDE_LOCAL_TOKEN", token,
                "QUAYSIDE_RUNC_ROOT", work.resolve("runc").toString(),
                "QUAYSIDE_DEMO_PREFIX", newPrefix()));
    }

    static String newPrefix() {
        return "qs-e2e-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    LocalStack with(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    /** A rule file for tenant local, in place before start (so the seed rules are not copied). */
    LocalStack withRules(String fileName, String yaml) throws IOException {
        Files.writeString(Files.createDirectories(work.resolve("state/rules/local")).resolve(fileName), yaml);
        return this;
    }

    HostProcess up() throws IOException {
        up = HostProcess.start(List.of(Host.REPO.resolve("infra/local/up").toString(), "--demo"), env, work.resolve("up.log"));
        return up;
    }

    URI uri(String path) {
        return gateway.uri(path);
    }

    String get(URI uri) throws InterruptedException {
        return gateway.get(uri);
    }

    JsonNode getJson(URI uri) throws Exception {
        return gateway.getJson(uri);
    }

    /** The {@code container_id} of every target group in HTTP SD. */
    List<String> targetIds() throws Exception {
        List<String> ids = new ArrayList<>();
        getJson(uri("/v1/local/sd")).forEach(group -> ids.add(group.path("labels").path("container_id").asText()));
        return ids;
    }

    void awaitDemoTargets() throws Exception {
        Host.await("the demo containers in HTTP SD", () -> {
            List<String> names = new ArrayList<>();
            getJson(uri("/v1/local/sd")).forEach(group -> names.add(group.path("labels").path("name").asText()));
            return names.containsAll(DEMO_NAMES);
        }, up);
    }

    /** {@code infra/local/demo start|stop} with this stack's settings and the given container prefix. */
    void demo(String action, String prefix) throws Exception {
        Map<String, String> demoEnv = new HashMap<>(env);
        demoEnv.put("QUAYSIDE_DEMO_PREFIX", prefix);
        Host.run(List.of(Host.REPO.resolve("infra/local/demo").toString(), action), demoEnv);
    }

    @Override
    public void close() throws InterruptedException {
        if (up != null) {
            up.close();
        }
    }
}
