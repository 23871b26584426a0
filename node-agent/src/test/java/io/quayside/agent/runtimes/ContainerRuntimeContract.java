package io.quayside.agent.runtimes;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every runtime promises the sweeper, whatever it reads: each runtime's test extends this. */
public abstract class ContainerRuntimeContract {
    /** The runtime under test, over a host that has at least one container. */
    protected abstract ContainerRuntime runtime() throws Exception;

    @Test
    void everyContainerCarriesWhatTheSamplersNeed() throws Exception {
        ContainerRuntime runtime = runtime();
        List<HostContainer> containers = runtime.containers();

        assertThat(containers).isNotEmpty().allSatisfy(container -> {
            assertThat(container.id()).isNotBlank();
            assertThat(container.name()).isNotBlank();
            assertThat(container.runtime()).isEqualTo(runtime.name());
            assertThat(container.initPid()).isPositive();
            assertThat(container.cgroupPaths()).isNotEmpty();
            assertThat(container.createdAt()).isAfter(Instant.EPOCH);
        });
        assertThat(containers).extracting(HostContainer::id).doesNotHaveDuplicates();
    }

    /** A directory of recorded test resources. */
    protected static Path resource(String name) {
        try {
            return Path.of(ContainerRuntimeContract.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
