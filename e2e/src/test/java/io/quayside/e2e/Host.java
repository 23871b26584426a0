package io.quayside.e2e;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** What the end-to-end tests need from this machine: free ports, installed tools, runc, waiting. */
final class Host {
    static final Path REPO = Path.of(System.getProperty("quayside.repo.dir", "..")).toAbsolutePath().normalize();

    private Host() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Skips the calling test, saying why, where runc containers cannot run. */
    static void assumeRuncRuns() {
        String reason = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            reason = "runc containers need root, and this test runs as " + System.getProperty("user.name");
        } else if (!onPath("runc")) {
            reason = "runc is not installed (apt-get install runc busybox-static)";
        } else if (!Files.isDirectory(Path.of("/sys/fs/cgroup/cpuacct")) && !Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
            reason = "no cgroup filesystem at /sys/fs/cgroup";
        }
        if (reason != null) {
            System.out.println("e2e: SKIPPED, this machine cannot run runc containers: " + reason);
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    static String requireOnPath(String tool, String hint) {
        return List.of("/usr/bin/", "/usr/local/bin/", "/usr/sbin/", "/bin/").stream().map(dir -> dir + tool)
                .filter(path -> Files.isExecutable(Path.of(path))).findFirst()
                .orElseThrow(() -> new AssertionError(tool + " is missing: " + hint));
    }

    private static boolean onPath(String tool) {
        try {
            requireOnPath(tool, "");
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** Runs a command to its end; fails the test with its output when it fails. */
    static String run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0).as("%s: %s", command, output).isTrue();
        return output;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls until the condition holds, for at most 90 s, failing with the watched process's log if it dies. */
    static void await(String what, Condition condition, HostProcess watched) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!watched.alive()) {
                fail("process exited while waiting for %s; its log:%n%s", what, watched.log());
            }
            if (condition.holds()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("timed out waiting for %s; log:%n%s", what, watched.log());
    }

    /** Milliseconds until the condition holds (polled every 20 ms), or 30,000 when it never does. */
    static long millisUntil(Condition condition) throws Exception {
        long start = System.nanoTime();
        while (!condition.holds()) {
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
                return TimeUnit.SECONDS.toMillis(30);
            }
            Thread.sleep(20);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
