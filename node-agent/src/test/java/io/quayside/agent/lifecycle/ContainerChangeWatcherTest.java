package io.quayside.agent.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A containerd-shaped state tree in a temp dir, changed the way the shim changes it. */
class ContainerChangeWatcherTest {
    @TempDir
    Path shimRoot;

    @Test
    void noticesNewNamespacesContainersAndStateFilesAndTheirRemoval() throws Exception {
        Semaphore calls = new Semaphore(0);
        try (ContainerChangeWatcher watcher = new ContainerChangeWatcher(
                List.of(StateDirectoryWatch.containerd(shimRoot)), ContainerChangeWatcher.DEFAULT_QUIET_PERIOD, calls::release)) {
            watcher.start();

            Path namespace = Files.createDirectory(shimRoot.resolve("k8s.io"));
            assertThat(calls.tryAcquire(1, TimeUnit.SECONDS)).as("namespace created").isTrue();
            Path container = Files.createDirectory(namespace.resolve("abc"));
            assertThat(calls.tryAcquire(1, TimeUnit.SECONDS)).as("container directory created").isTrue();
            Files.writeString(container.resolve("state.json"), "{}");
            assertThat(calls.tryAcquire(1, TimeUnit.SECONDS)).as("state written in a directory made after start").isTrue();
            Files.delete(container.resolve("state.json"));
            Files.delete(container);
            assertThat(calls.tryAcquire(1, TimeUnit.SECONDS)).as("container deleted").isTrue();
        }
    }

    @Test
    void aBurstOfChangesGivesFewCalls() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Semaphore first = new Semaphore(0);
        try (ContainerChangeWatcher watcher = new ContainerChangeWatcher(List.of(StateDirectoryWatch.runc(shimRoot)),
                ContainerChangeWatcher.DEFAULT_QUIET_PERIOD, () -> {
                    calls.incrementAndGet();
                    first.release();
                })) {
            watcher.start();
            for (int i = 0; i < 30; i++) {
                Files.createDirectory(shimRoot.resolve("c" + i));
            }
            assertThat(first.tryAcquire(1, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300); // let any trailing call arrive before counting
        }
        assertThat(calls.get()).isBetween(1, 5);
    }

    @Test
    void aMissingStateDirectoryLeavesTheOtherSourcesWorking() throws Exception {
        Semaphore calls = new Semaphore(0);
        try (ContainerChangeWatcher watcher = new ContainerChangeWatcher(
                List.of(StateDirectoryWatch.runc(shimRoot.resolve("absent")), StateDirectoryWatch.runc(shimRoot)),
                ContainerChangeWatcher.DEFAULT_QUIET_PERIOD, calls::release)) {
            watcher.start();
            Files.createDirectory(shimRoot.resolve("c"));

            assertThat(calls.tryAcquire(1, TimeUnit.SECONDS)).isTrue();
        }
    }
}
