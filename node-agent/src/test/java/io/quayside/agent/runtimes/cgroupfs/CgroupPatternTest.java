package io.quayside.agent.runtimes.cgroupfs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CgroupPatternTest {
    static final String ID = "4f1c0e6d2b8a4c3e9f7d5b1a0c2e4f6a8b0d2f4e6c8a0b2d4f6e8a0c2e4f6a8b";

    @Test
    void systemdDockerScope() {
        CgroupPattern docker = CgroupPattern.compile("system.slice/docker-<hex64>.scope");

        assertThat(docker.idOf("system.slice/docker-" + ID + ".scope")).hasValue(ID);
        assertThat(docker.idOf("system.slice/docker.service")).isEmpty();
        assertThat(docker.idOf("system.slice/docker-" + ID + ".scope/init")).isEmpty();
    }

    @Test
    void doubleStarSpansAnyNumberOfDirectories() {
        CgroupPattern pods = CgroupPattern.compile("kubepods/**/<hex64>");

        assertThat(pods.idOf("kubepods/" + ID)).hasValue(ID);
        assertThat(pods.idOf("kubepods/burstable/pod0b1d/" + ID)).hasValue(ID);
        assertThat(pods.idOf("kubepods/burstable/pod0b1d")).as("a pod is not a container").isEmpty();
    }

    @Test
    void starStaysWithinOneNameAndIdTakesAnyName() {
        CgroupPattern custom = CgroupPattern.compile("/machine.slice/libpod-*/ctr-<id>");

        assertThat(custom.idOf("machine.slice/libpod-x1/ctr-web.1")).hasValue("web.1");
        assertThat(custom.idOf("machine.slice/libpod-x1/nested/ctr-web")).isEmpty();
    }

    @Test
    void patternWithoutOneIdIsRefused() {
        assertThatThrownBy(() -> CgroupPattern.compile("system.slice/*.scope")).hasMessageContaining("exactly one");
    }
}
