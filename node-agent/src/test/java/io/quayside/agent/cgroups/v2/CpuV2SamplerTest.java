package io.quayside.agent.cgroups.v2;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuV2SamplerTest {
    @Test
    void weightConvertsBackToTheSharesRuncStartedFrom() {
        // runc writes weight = 1 + (shares - 2) * 9999 / 262142 (1024 shares -> 39); cAdvisor inverts it
        assertThat(CpuV2Sampler.sharesOfWeight(1)).isEqualTo(2);
        assertThat(CpuV2Sampler.sharesOfWeight(39)).isEqualTo(998);
        assertThat(CpuV2Sampler.sharesOfWeight(100)).isEqualTo(2597);
        assertThat(CpuV2Sampler.sharesOfWeight(10000)).isEqualTo(262144);
    }
}
