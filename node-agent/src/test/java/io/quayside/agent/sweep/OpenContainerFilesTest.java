package io.quayside.agent.sweep;

import io.quayside.agent.runtimes.HostContainer;
import io.quayside.model.Labels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kernel files kept open between sweeps: the same figures as reading them afresh, within a budget of descriptors. */
class OpenContainerFilesTest {
    @TempDir
    Path dir;

    private final OpenContainerFiles files = new OpenContainerFiles(2);

    @AfterEach
    void closeFiles() {
        files.close();
    }

    private SampleCollector collector(HostContainer container) {
        return new SampleCollector(Labels.of("id", container.id()), 0, files.of(container));
    }

    private static HostContainer container(String id, int initPid) {
        return new HostContainer(id, id, "img", Map.of(), "runc", initPid, Map.of(), Instant.EPOCH);
    }

    private String write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    @Test
    void pastTheBudgetFilesAreReadAfreshAndAllFiguresStayRight() throws IOException {
        HostContainer a = container("a", 1);
        List<String> paths = List.of(write("one", "1\n"), write("two", "2\n"), write("three", "3\n"));

        for (int sweep = 0; sweep < 2; sweep++) {
            SampleCollector out = collector(a);
            assertThat(paths.stream().map(out::readLong)).containsExactly(OptionalLong.of(1), OptionalLong.of(2), OptionalLong.of(3));
            assertThat(out.readErrors()).isEmpty();
        }
        assertThat(files.openFiles()).isEqualTo(2);

        files.retain(Set.of());
        assertThat(files.openFiles()).isZero();
    }

    @Test
    void anOptionalFileFoundMissingIsNotLookedForAgainUntilTheContainerRestarts() throws IOException {
        String peak = dir.resolve("memory.peak").toString();
        assertThat(collector(container("a", 1)).readLongIfPresent(peak)).isEmpty();

        write("memory.peak", "4096\n");
        SampleCollector again = collector(container("a", 1));
        assertThat(again.readLongIfPresent(peak)).as("remembered missing").isEmpty();
        assertThat(again.readErrors()).as("an optional file's absence is no error").isEmpty();

        assertThat(collector(container("a", 2)).readLongIfPresent(peak)).as("a new first process: looked for again").hasValue(4096);
    }

    @Test
    void aCollectorThatKeepsNothingLooksForAnOptionalFileEveryTime() throws IOException {
        String peak = dir.resolve("memory.peak").toString();
        assertThat(new SampleCollector(Labels.EMPTY, 0).readLongIfPresent(peak)).isEmpty();
        write("memory.peak", "4096\n");
        assertThat(new SampleCollector(Labels.EMPTY, 0).readLongIfPresent(peak)).hasValue(4096);
    }

    @Test
    void aContainerThatRestartedHasItsOldFilesClosed() throws IOException {
        String usage = write("usage", "7\n");
        collector(container("a", 1)).readLong(usage);
        assertThat(files.openFiles()).isEqualTo(1);

        assertThat(collector(container("a", 2)).readLong(usage)).hasValue(7);
        assertThat(files.openFiles()).as("the old process's file closed, the new one's open").isEqualTo(1);
    }

    @Test
    void aKeptFileWhoseReadFailsIsReopenedAndStillRead() throws IOException {
        String usage = write("usage", "7\n");
        HostContainer a = container("a", 1);
        collector(a).readLong(usage);

        // an interrupted thread's read closes the channel, as when a sweep's deadline cancels a reader
        Thread.currentThread().interrupt();
        OptionalLong read;
        try {
            read = collector(a).readLong(usage);
        } finally {
            Thread.interrupted();
        }
        assertThat(read).hasValue(7);
        assertThat(collector(a).readLong(usage)).hasValue(7);
        assertThat(files.openFiles()).isEqualTo(1);
    }

    @Test
    void theBudgetLeavesTheProcessLimitsReserveAndRejectsANegativeOne() {
        assertThat(OpenContainerFiles.budget(16384, 1_048_576)).isEqualTo(16384);
        assertThat(OpenContainerFiles.budget(16384, 4096)).isEqualTo(4096 - OpenContainerFiles.RESERVED_DESCRIPTORS);
        assertThat(OpenContainerFiles.budget(16384, 1000)).isZero();
        assertThatThrownBy(() -> new OpenContainerFiles(-1)).hasMessageContaining("max-open-files");
    }

    @Test
    void theOpenFilesLimitIsTheSoftOneOfProcSelfLimits() {
        assertThat(ProcessLimits.openFiles(List.of(
                "Limit                     Soft Limit           Hard Limit           Units",
                "Max processes             96365                96365                processes",
                "Max open files            20000                40000                files"))).isEqualTo(20000);
        assertThat(ProcessLimits.openFiles(List.of("Max open files            unlimited            unlimited            files")))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(ProcessLimits.openFiles(dir.resolve("absent"))).isEqualTo(Long.MAX_VALUE);
    }
}
