package io.quayside.agent;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Real runc containers for agent tests, started by the same script as {@code up --demo}
 * ({@code web}, {@code cache}, {@code burner}) under a private runc root.
 */
public final class DemoContainers implements AutoCloseable {
    private static final Path SCRIPT = Path.of(System.getProperty("quayside.repo.dir", "..")).resolve("infra/local/demo");

    public final Path runcRoot;
    public final String prefix = "qs-agent-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final Path state;

    private DemoContainers(Path work) {
        this.runcRoot = work.resolve("runc");
        this.state = work.resolve("state");
    }

    /** Starts the three containers, or skips the calling test (saying why) where runc cannot run. */
    public static DemoContainers start(Path work) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean runc = Files.isExecutable(Path.of("/usr/sbin/runc")) || Files.isExecutable(Path.of("/usr/bin/runc"));
        Assumptions.assumeTrue(root && runc, "runc containers need root and runc (apt-get install runc busybox-static)");
        DemoContainers demo = new DemoContainers(work);
        demo.run("start");
        return demo;
    }

    public void stop() throws IOException, InterruptedException {
        run("stop");
    }

    private void run(String action) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), action).redirectErrorStream(true);
        builder.environment().putAll(Map.of("QUAYSIDE_RUNC_ROOT", runcRoot.toString(), "QUAYSIDE_DEMO_PREFIX", prefix,
                "QUAYSIDE_STATE_DIR", state.toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("demo " + action + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }
}
