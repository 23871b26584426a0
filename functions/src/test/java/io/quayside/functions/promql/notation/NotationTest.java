package io.quayside.functions.promql.notation;

import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotationTest {
    @Test
    void expandsPoints() {
        assertThat(PointNotation.expand("0+10x3 _ 5x1 _x2 1-1x1").values())
                .containsExactly(0.0, 10.0, 20.0, 30.0, null, 5.0, 5.0, null, null, 1.0, 0.0);
        assertThat(PointNotation.expand("1e3 -2 Inf 0x1f").values()).containsExactly(1000.0, -2.0, Double.POSITIVE_INFINITY, 31.0);
        assertThat(Double.doubleToRawLongBits(PointNotation.expand("stale").values().get(0))).isEqualTo(Sample.STALE_NAN_BITS);
        PointNotation.Points histograms = PointNotation.expand("1 {{schema:0 sum:1 count:1}}x2 3");
        assertThat(histograms.hasHistogram()).isTrue();
        assertThat(histograms.values()).containsExactly(1.0, null, null, null, 3.0);
    }

    @Test
    void readsSeries() {
        assertThat(SeriesNotation.labels("{}")).isEqualTo(Labels.EMPTY);
        assertThat(SeriesNotation.labels("up{job=\"api\"}")).isEqualTo(Labels.of("__name__", "up", "job", "api"));
        assertThatThrownBy(() -> SeriesNotation.labels("sum(up)")).hasMessageContaining("not a series");
    }
}
