package io.quayside.agent.hook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A busybox bundle whose config.json registers the agent's hook as runc's {@code poststart} and
 * {@code poststop} hooks, run from this build's classes, and the runc commands to run and delete it.
 */
final class HookedBundle {
    static final String MAIN = "io.quayside.agent.AgentMain";

    final Path dir;
    private final Path runcRoot;

    private HookedBundle(Path dir, Path runcRoot) {
        this.dir = dir;
        this.runcRoot = runcRoot;
    }

    /** Skips the calling test (saying why) where runc cannot run. */
    static void assumeRunc() {
        boolean root = "root".equals(System.getProperty("user.name"));
        Assumptions.assumeTrue(root && Files.isExecutable(Path.of("/usr/sbin/runc")) && Files.isExecutable(Path.of("/bin/busybox")),
                "runc containers need root, runc and busybox-static (apt-get install runc busybox-static)");
    }

    /**
     * The hook's command line: the JVM flags a short-lived process wants, then {@code hook <phase>}, on
     * this build's classes and the test classpath (tests run before packaging, so there are no jars yet).
     */
    static List<String> hookCommand(String phase) {
        // Surefire runs tests from a manifest-only jar; it gives the real class path in this property.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData", "-cp", absolute(classpath), MAIN, "hook", phase);
    }

    /** runc runs hooks from the bundle directory, so every entry must be absolute. */
    private static String absolute(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }

    static HookedBundle create(Path work, Map<String, String> hookEnv) throws Exception {
        Path dir = Files.createDirectories(work.resolve("bundle"));
        Path bin = Files.createDirectories(dir.resolve("rootfs/bin"));
        for (String mountPoint : List.of("proc", "dev", "sys", "tmp")) {
            Files.createDirectories(dir.resolve("rootfs").resolve(mountPoint));
        }
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
        Files.createSymbolicLink(bin.resolve("sh"), Path.of("busybox"));
        Files.createSymbolicLink(bin.resolve("sleep"), Path.of("busybox"));
        exec(List.of("runc", "spec"), dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(dir.resolve("config.json").toFile());
        ObjectNode process = (ObjectNode) config.get("process");
        process.put("terminal", false);
        process.set("args", json.valueToTree(List.of("sh", "-c", "exec sleep 2147483647")));
        config.set("annotations", json.valueToTree(Map.of("io.quayside.name", "hooked",
                "org.opencontainers.image.ref.name", "busybox:hook", "io.quayside.tenant", "acme")));
        ObjectNode hooks = config.putObject("hooks");
        hooks.set("poststart", hook(json, "started", hookEnv));
        hooks.set("poststop", hook(json, "destroyed", hookEnv));
        json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("config.json").toFile(), config);
        return new HookedBundle(dir, Files.createDirectories(work.resolve("runc")));
    }

    private static ArrayNode hook(ObjectMapper json, String phase, Map<String, String> env) {
        ObjectNode hook = json.createObjectNode();
        List<String> command = hookCommand(phase);
        hook.put("path", command.get(0));
        hook.set("args", json.valueToTree(command));
        hook.set("env", json.valueToTree(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        hook.put("timeout", 20);
        return json.createArrayNode().add(hook);
    }

    void run(String id) throws Exception {
        exec(List.of("runc", "--root", runcRoot.toString(), "run", "-d", "--bundle", dir.toString(), id), dir);
    }

    void delete(String id) throws Exception {
        exec(List.of("runc", "--root", runcRoot.toString(), "delete", "-f", id), dir);
    }

    private static void exec(List<String> command, Path dir) throws Exception {
        Path log = Files.createTempFile("runc", ".log");
        // runc -d hands its stdio to the container: pipes would stay open for as long as it lives.
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectInput(new File("/dev/null"))
                .redirectOutput(log.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(command + " failed: " + Files.readString(log));
        }
        Files.delete(log);
    }
}
