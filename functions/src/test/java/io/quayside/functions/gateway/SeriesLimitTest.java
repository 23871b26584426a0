package io.quayside.functions.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesLimitTest {
    @Test
    void upToTheLimitPassesAndBeyondIs422NamingLimitAndCount() {
        SeriesLimit limit = new SeriesLimit(3);
        assertThatCode(() -> limit.check(3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limit.check(4)).isInstanceOf(GatewayException.class)
                .hasMessageContaining("4 series, more than the limit of 3 (quayside.gateway.max-series-per-response)")
                .extracting("status").isEqualTo(422);
    }

    @Test
    void aLimitBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> new SeriesLimit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quayside.gateway.max-series-per-response");
    }
}
