package io.quayside.agent.hook;

import io.quayside.model.ContainerEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The hook registered in a real runc bundle: `runc run -d` and `runc delete` must produce the events. */
class RuncHookTest {
    private static final int TIMED_RUNS = 7;

    @TempDir
    Path work;

    @BeforeEach
    void needsRunc() {
        HookedBundle.assumeRunc();
    }

    @Test
    void runAndDeletePostStartedAndDestroyed() throws Exception {
        try (EventRecorder endpoint = new EventRecorder()) {
            HookedBundle bundle = HookedBundle.create(work, env(endpoint.endpoint().toString()));
            String id = "qs-hook-" + ProcessHandle.current().pid();

            long started = System.nanoTime();
            bundle.run(id);
            System.out.printf("hook: runc run -d with the poststart hook took %d ms%n", elapsedMs(started));
            EventRecorder.Received start = endpoint.next();
            long deleting = System.nanoTime();
            bundle.delete(id);
            System.out.printf("hook: runc delete -f with the poststop hook took %d ms%n", elapsedMs(deleting));
            EventRecorder.Received destroy = endpoint.next();

            assertThat(List.of(start, destroy)).allSatisfy(request -> {
                assertThat(request.path()).isEqualTo("/v1/events");
                assertThat(request.authorization()).isEqualTo("Bearer hook-token");
            });
            assertThat(List.of(EventJson.read(start.content()), EventJson.read(destroy.content()))).satisfiesExactly(
                    event -> assertEvent(event, id, ContainerEvent.Kind.STARTED),
                    event -> assertEvent(event, id, ContainerEvent.Kind.DESTROYED));
            assertThat(endpoint.isEmpty()).isTrue();
        }
    }

    @Test
    void withTheEndpointDownTheEventsLandInTheSpool() throws Exception {
        HookedBundle bundle = HookedBundle.create(work, env("http://127.0.0.1:" + HookCommandTest.closedPort()));
        String id = "qs-hook-down-" + ProcessHandle.current().pid();

        bundle.run(id);
        bundle.delete(id);

        List<EventSpool.Spooled> spooled = new EventSpool(work.resolve("spool"), Clock.systemUTC()).oldest(10);
        assertThat(spooled).extracting(EventSpool.Spooled::event).satisfiesExactly(
                event -> assertEvent(event, id, ContainerEvent.Kind.STARTED),
                event -> assertEvent(event, id, ContainerEvent.Kind.DESTROYED));
    }

    /** Tests run before packaging, so this times the hook on the compiled classes; docs/benchmarks.md has the packaged wrapper's figures. */
    @Test
    void hookWallTime() throws Exception {
        try (EventRecorder endpoint = new EventRecorder()) {
            Map<String, String> up = env(endpoint.endpoint().toString());
            Map<String, String> down = env("http://127.0.0.1:" + HookCommandTest.closedPort());
            report("java -cp classes (JDK's CDS only)", HookedBundle.hookCommand("started"), up, down);
        }
    }

    private void report(String how, List<String> command, Map<String, String> up, Map<String, String> down) throws Exception {
        Duration sent = medianWallTime(command, up);
        Duration spooled = medianWallTime(command, down);
        System.out.printf("hook: %s, median wall time of %d runs: endpoint up %d ms, endpoint down (spooled) %d ms%n",
                how, TIMED_RUNS, sent.toMillis(), spooled.toMillis());
        assertThat(spooled).as("a hook must never hold a container up for long").isLessThan(Duration.ofSeconds(5));
    }

    private Duration medianWallTime(List<String> command, Map<String, String> env) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int run = 0; run < TIMED_RUNS; run++) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            long start = System.nanoTime();
            Process hook = builder.start();
            hook.getOutputStream().write(HookCommandTest.STATE.getBytes(StandardCharsets.UTF_8));
            hook.getOutputStream().close();
            String output = new String(hook.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(hook.waitFor(10, TimeUnit.SECONDS) && hook.exitValue() == 0).as(output).isTrue();
            nanos.add(System.nanoTime() - start);
        }
        return Duration.ofNanos(nanos.stream().sorted().toList().get(TIMED_RUNS / 2));
    }

    private Map<String, String> env(String endpoint) {
        return Map.of("QUAYSIDE_ENDPOINT", endpoint, "QUAYSIDE_TOKEN", "hook-token", "QUAYSIDE_NODE", "node-hook",
                "QUAYSIDE_SPOOL_DIR", work.resolve("spool").toString());
    }

    private static void assertEvent(ContainerEvent event, String id, ContainerEvent.Kind kind) {
        assertThat(event.containerId()).isEqualTo(id);
        assertThat(event.kind()).isEqualTo(kind);
        assertThat(event.name()).isEqualTo("hooked");
        assertThat(event.image()).isEqualTo("busybox:hook");
        assertThat(event.tenant()).isEqualTo("acme");
        assertThat(event.node()).isEqualTo("node-hook");
        assertThat(event.runtime()).isEqualTo("runc");
    }

    private static long elapsedMs(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}
