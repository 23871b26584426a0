package io.quayside.functions.bench.cost;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostOptionsTest {

    @Test
    void readsOptionsPassedAsOneArgumentAsMavenPassesThem() {
        CostOptions options = CostOptions.parse(new String[]{"--hosts 10  --containers-per-host 100 --interval 1m", "--federate-interval", "500ms"});

        assertThat(options.containers()).isEqualTo(1000);
        assertThat(options.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.federateInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.sqsBatchSize()).isEqualTo(10);
        assertThat(options.lambdaMemoryMb()).isEqualTo(512);
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> CostOptions.parse(new String[]{"--host", "3"})).hasMessageContaining("unknown option --host");
        assertThatThrownBy(() -> CostOptions.parse(new String[]{"--interval", "10"})).hasMessageContaining("--interval takes a duration");
        assertThatThrownBy(() -> CostOptions.parse(new String[]{"--sqs-batch-size", "11"})).hasMessageContaining("1 to 10");
        assertThatThrownBy(() -> CostOptions.parse(new String[]{"--minutes"})).hasMessageContaining("--minutes needs a value");
        assertThatThrownBy(() -> CostOptions.parse(new String[]{"--hosts", "0"})).hasMessageContaining("--hosts must be positive");
    }
}
