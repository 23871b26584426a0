package io.quayside.functions.rules.unittest;

import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputSeriesTest {
    @Test
    void placesValuesOneIntervalApartFromZero() {
        assertThat(InputSeries.samples("up{job=\"api\"}", "1 _ 3", 60_000)).containsExactly(
                new Sample(Labels.of("__name__", "up", "job", "api"), 1, 0),
                new Sample(Labels.of("__name__", "up", "job", "api"), 3, 120_000));
    }
}
